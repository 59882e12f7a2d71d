#include "ingest/extract/sql_dump_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace breachscope {
namespace {

// Records every unit as "table|record|column|label|text@offset".
class RecordingSink : public UnitSink {
 public:
  void OnUnit(const TextUnit& u) override {
    EXPECT_EQ(u.kind, UnitKind::kTableCell);
    units.push_back(std::string(u.table) + "|" + std::to_string(u.record) + "|" + std::to_string(u.column) +
                    "|" + std::string(u.label) + "|" + std::string(u.text) + "@" + std::to_string(u.offset));
  }
  void OnRecordEnd(int64_t) override { ++record_ends; }
  void OnWarning(std::string_view) override { ++warnings; }

  std::vector<std::string> units;
  int record_ends = 0;
  int warnings = 0;
};

struct SqlCase {
  const char* name;
  std::string input;
  std::vector<std::string> units;
  int records;
  int warnings;
};

class SqlDumpReaderTest : public testing::TestWithParam<SqlCase> {};

TEST_P(SqlDumpReaderTest, DeliversValues) {
  const SqlCase& c = GetParam();
  RecordingSink sink;
  EXPECT_TRUE(ReadSqlDump(c.input, sink).ok());
  EXPECT_EQ(sink.units, c.units);
  EXPECT_EQ(sink.record_ends, c.records);
  EXPECT_EQ(sink.warnings, c.warnings);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SqlDumpReaderTest,
    testing::Values(
        SqlCase{"empty", "", {}, 0, 0},
        SqlCase{"comments_only", "-- MySQL dump\n/*!40101 SET NAMES utf8 */;\n# note\n", {}, 0, 0},
        SqlCase{"insert_with_columns", "INSERT INTO t (id, name) VALUES (1,'Ann');",
                {"t|0|0|id|1@33", "t|0|1|name|Ann@36"}, 1, 0},
        SqlCase{"mysql_extended_with_create",
                "CREATE TABLE `patients` (\n  `id` int NOT NULL,\n  `name` varchar(50) DEFAULT 'a,b',\n"
                "  `dob` date,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
                "INSERT INTO `patients` VALUES (1,'O\\'Brien',NULL),(2,'Ren\\\\e','1990-01-02');\n",
                {"patients|0|0|id|1@166", "patients|0|1|name|O'Brien@169", "patients|1|0|id|2@186",
                 "patients|1|1|name|Ren\\e@189", "patients|1|2|dob|1990-01-02@198"},
                2, 0},
        SqlCase{"mysql_escapes_and_doubled", "INSERT INTO t VALUES ('a\\nb','it''s','\\\"q\\\"',_utf8mb4'x');",
                {"t|0|0||a\nb@23", "t|0|1||it's@30", "t|0|2||\"q\"@38", "t|0|3||x@54"}, 1, 0},
        SqlCase{"numbers_and_functions", "INSERT INTO t VALUES (-1.5, 0x1F, now(), TRUE, '');",
                {"t|0|0||-1.5@22", "t|0|1||0x1F@28", "t|0|2||now()@34", "t|0|3||TRUE@41"}, 1, 0},
        SqlCase{"multi_line_insert", "INSERT INTO t\n  (a, b)\nVALUES\n  (1, 'x'),\n  (2, 'y');\n",
                {"t|0|0|a|1@33", "t|0|1|b|x@37", "t|1|0|a|2@45", "t|1|1|b|y@49"}, 2, 0},
        SqlCase{"records_count_across_statements", "INSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);\n"
                                                   "INSERT INTO a VALUES (3);\n",
                {"a|0|0||1@22", "b|0|0||2@48", "a|1|0||3@74"}, 3, 0},
        SqlCase{"pg_copy",
                "--\n-- PostgreSQL database dump\n--\n"
                "COPY public.patients (id, name, note) FROM stdin;\n"
                "1\tAnn\t\\N\n2\tB\\tob\tline\\nnext\\\\\n\\.\nSELECT 1;\n",
                {"patients|0|0|id|1@84", "patients|0|1|name|Ann@86", "patients|1|0|id|2@93",
                 "patients|1|1|name|B\tob@95", "patients|1|2|note|line\nnext\\@101"},
                2, 0},
        SqlCase{"pg_copy_columns_from_create",
                "CREATE TABLE public.p (\n    id integer,\n    \"Name\" text\n);\nCOPY public.p FROM stdin;\n"
                "7\tZo\n\\.\n",
                {"p|0|0|id|7@85", "p|0|1|Name|Zo@87"}, 1, 0},
        SqlCase{"pg_inserts_standard_strings",
                "SET standard_conforming_strings = on;\n"
                "INSERT INTO public.p (id, path) VALUES (1, 'C:\\dir'), (2, E'a\\tb');\n",
                {"p|0|0|id|1@78", "p|0|1|path|C:\\dir@82", "p|1|0|id|2@93", "p|1|1|path|a\tb@98"}, 2, 0},
        SqlCase{"pg_cast_suffix", "INSERT INTO t VALUES ('2020-01-01'::date, 5);",
                {"t|0|0||2020-01-01@23", "t|0|1||5@42"}, 1, 0},
        SqlCase{"garbage_between_statements",
                "this isn't SQL at all\nINSERT INTO t VALUES (1);\n%%% junk ;\nINSERT INTO t VALUES (2);\n",
                {"t|0|0||1@44", "t|1|0||2@81"}, 2, 0},
        SqlCase{"malformed_then_resync", "INSERT INTO t VALUES (1 2);\nINSERT INTO t VALUES (3);\n",
                {"t|0|0||1 2@22", "t|1|0||3@50"}, 2, 0},
        SqlCase{"unterminated_string", "INSERT INTO t VALUES ('abc);\nINSERT INTO u VALUES (3);\n",
                {"u|0|0||3@51"}, 2, 1},
        SqlCase{"missing_paren", "INSERT INTO t VALUES 1;\nINSERT INTO t VALUES (2);\n", {"t|0|0||2@46"}, 1, 1},
        SqlCase{"unterminated_comment", "INSERT INTO t VALUES (1);\n/* open\nINSERT INTO t VALUES (2);\n",
                {"t|0|0||1@22"}, 1, 0},
        SqlCase{"replace_and_ignore", "REPLACE INTO t VALUES (1);\nINSERT IGNORE INTO t VALUES (2);\n",
                {"t|0|0||1@23", "t|1|0||2@56"}, 2, 0},
        SqlCase{"on_duplicate_key", "INSERT INTO t (a) VALUES ('x') ON DUPLICATE KEY UPDATE a='y';\nINSERT INTO t VALUES (3);",
                {"t|0|0|a|x@27", "t|1|0||3@84"}, 2, 0},
        SqlCase{"copy_octal_escape", "COPY t (a) FROM stdin;\nA\\101\\\\B\n\\.\n",
                {"t|0|0|a|AA\\B@23"}, 1, 0},
        SqlCase{"copy_without_end", "COPY t (a) FROM stdin;\nx\n", {"t|0|0|a|x@23"}, 1, 1}),
    [](const testing::TestParamInfo<SqlCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace breachscope
