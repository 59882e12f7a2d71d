#include "ingest/format.h"

#include <gtest/gtest.h>

#include <string>

namespace breachscope {
namespace {

struct SniffCase {
  const char* name;
  std::string head;
  std::string file_name;
  Format want;
  char delimiter;
};

class SniffTest : public testing::TestWithParam<SniffCase> {};

TEST_P(SniffTest, DecidesFormat) {
  const SniffCase& c = GetParam();
  const SniffResult got = SniffFormat(c.head, c.file_name);
  EXPECT_EQ(FormatName(got.format), FormatName(c.want));
  EXPECT_EQ(got.delimiter, c.delimiter);
}

using S = std::string;

// UTF-16 LE with BOM, built from ASCII.
std::string Utf16Le(std::string_view ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string Utf16Be(std::string_view ascii) {
  std::string out = "\xFE\xFF";
  for (char c : ascii) {
    out.push_back('\0');
    out.push_back(c);
  }
  return out;
}

std::string TarHead() {
  std::string h(512, '\0');
  h.replace(0, 5, "a.txt");
  h.replace(257, 5, "ustar");
  return h;
}

// A zip local file header naming `member`, as the first bytes of a zip.
std::string ZipHead(std::string_view member) {
  std::string h("PK\x03\x04", 4);
  h.append(22, '\0');
  h.push_back(static_cast<char>(member.size()));
  h.append(3, '\0');
  h.append(member);
  return h;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SniffTest,
    testing::Values(
        SniffCase{"empty", "", "a.csv", Format::kEmpty, 0},
        SniffCase{"zip", S("PK\x03\x04\x14\0\0\0", 8), "x.zip", Format::kArchive, 0},
        SniffCase{"docx", ZipHead("[Content_Types].xml") + "PK\x03\x04word/document.xml", "x.bin",
                  Format::kDocx, 0},
        SniffCase{"xlsx", ZipHead("[Content_Types].xml") + "PK\x03\x04xl/workbook.xml", "x", Format::kXlsx, 0},
        SniffCase{"pptx", ZipHead("[Content_Types].xml") + "PK\x03\x04ppt/slides/slide1.xml", "x",
                  Format::kPptx, 0},
        SniffCase{"docx_parts_beyond_head", ZipHead("[Content_Types].xml"), "a.docx", Format::kDocx, 0},
        SniffCase{"zip_of_word_folder_is_archive", ZipHead("word/notes.txt"), "a.zip", Format::kArchive, 0},
        SniffCase{"odt", ZipHead("mimetype") + "application/vnd.oasis.opendocument.text", "a", Format::kOdt, 0},
        SniffCase{"ods", ZipHead("mimetype") + "application/vnd.oasis.opendocument.spreadsheet", "a",
                  Format::kOds, 0},
        SniffCase{"odp_is_archive", ZipHead("mimetype") + "application/vnd.oasis.opendocument.presentation",
                  "a", Format::kArchive, 0},
        SniffCase{"dicom", std::string(128, '\0') + "DICM\x02\0\x10\0UI", "image", Format::kDicom, 0},
        SniffCase{"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "scan", Format::kPdf, 0},
        SniffCase{"pdf_after_junk", "\r\n\r\n%PDF-1.4\n", "x", Format::kPdf, 0},
        SniffCase{"rtf", "{\\rtf1\\ansi Patient: Ann}", "letter.doc", Format::kRtf, 0},
        SniffCase{"eml", "Return-Path: <a@x.org>\nFrom: A <a@x.org>\nTo: b@y.org\nSubject: hi\n\nbody\n",
                  "m", Format::kEml, 0},
        SniffCase{"eml_folded", "From: A\nSubject: a long\n subject\nDate: Mon, 1 Jan 2024\n\nx", "", Format::kEml,
                  0},
        SniffCase{"memo_is_text", "From: Dr. Lee\nRe the patient, call back.\n", "", Format::kText, 0},
        SniffCase{"mbox", "From a@x.org Mon Jan  1 00:00:00 2024\nFrom: a@x.org\nSubject: s\n\nbody\n", "inbox",
                  Format::kMbox, 0},
        SniffCase{"empty_zip", S("PK\x05\x06\0\0\0\0", 8), "e.zip", Format::kArchive, 0},
        SniffCase{"seven_zip", S("7z\xBC\xAF\x27\x1C\0\x04", 8), "a.7z", Format::kArchive, 0},
        SniffCase{"tar", TarHead(), "a.bin", Format::kArchive, 0},
        SniffCase{"gzip", S("\x1F\x8B\x08\0", 4), "notes.gz", Format::kCompressed, 0},
        SniffCase{"tar_gz", S("\x1F\x8B\x08\0", 4), "backup.tar.gz", Format::kArchive, 0},
        SniffCase{"bzip2", "BZh91AY&SY", "a.bz2", Format::kCompressed, 0},
        SniffCase{"xz", S("\xFD" "7zXZ\0\0\x04", 8), "a.xz", Format::kCompressed, 0},
        SniffCase{"png", S("\x89PNG\r\n\x1A\n\0\0", 10), "scan.png", Format::kImage, 0},
        SniffCase{"jpeg", S("\xFF\xD8\xFF\xE0\0\x10JFIF", 10), "x", Format::kImage, 0},
        SniffCase{"tiff_le", S("II*\0\x08\0\0\0", 8), "fax", Format::kImage, 0},
        SniffCase{"tiff_be", S("MM\0*\0\0\0\x08", 8), "fax", Format::kImage, 0},
        SniffCase{"gif_is_binary", "GIF89a\x01\0", "x.gif", Format::kBinary, 0},
        SniffCase{"nul_heavy", S("ab\0\0cd\0\0ef\0\0", 12), "a.txt", Format::kBinary, 0},
        SniffCase{"controls", S("\x01\x02\x03\x04\x05\x06 hello", 12), "a", Format::kBinary, 0},
        SniffCase{"hl7", "MSH|^~\\&|LAB|H|||202001011200||ORU^R01|1|P|2.5\rPID|1||123\r", "m.txt",
                  Format::kHl7, 0},
        SniffCase{"hl7_after_bom_and_space", "\xEF\xBB\xBF\r\nMSH|^~\\&|A\r", "x", Format::kHl7, 0},
        SniffCase{"hl7_batch", "FHS|^~\\&|A\rBHS|^~\\&\rMSH|^~\\&|A\r", "x", Format::kHl7, 0},
        SniffCase{"json_object", "{\"resourceType\": \"Patient\", \"id\": [1, 2.5e3, true, null]}",
                  "p.dat", Format::kJson, 0},
        SniffCase{"json_pretty", "{\n  \"a\": {\n    \"b\": 1\n  }\n}\n", "", Format::kJson, 0},
        SniffCase{"json_array", "[{\"a\":1},\n {\"a\":2}]", "", Format::kJson, 0},
        SniffCase{"ndjson", "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", "x.log", Format::kNdjson, 0},
        SniffCase{"ndjson_ext_single_line", "{\"a\":1}\n", "x.jsonl", Format::kNdjson, 0},
        SniffCase{"bracket_text_not_json", "[note] patient called back\n", "", Format::kText, 0},
        SniffCase{"xml_decl", "<?xml version=\"1.0\"?><ClinicalDocument/>", "a.txt", Format::kXml, 0},
        SniffCase{"xml_root", "<Patient><name>x</name></Patient>", "", Format::kXml, 0},
        SniffCase{"html", "<!DOCTYPE html><html><body>hi</body></html>", "", Format::kHtml, 0},
        SniffCase{"xhtml", "<?xml version=\"1.0\"?>\n<html xmlns=\"x\"><body/></html>", "", Format::kHtml, 0},
        SniffCase{"mysqldump", "-- MySQL dump 10.13\n--\nCREATE TABLE `p` (`id` int);\n", "x", Format::kSqlDump, 0},
        SniffCase{"pgdump", "--\n-- PostgreSQL database dump\n--\nSET x = 1;\n", "x", Format::kSqlDump, 0},
        SniffCase{"bare_inserts", "INSERT INTO p VALUES (1,'a');\nINSERT INTO p VALUES (2,'b');\n", "x.txt",
                  Format::kSqlDump, 0},
        SniffCase{"copy", "SET a = 1;\nCOPY public.p (id) FROM stdin;\n1\n\\.\n", "", Format::kSqlDump, 0},
        SniffCase{"csv_comma", "id,name,dob\n1,Ann,1990-01-02\n2,Bob,1985-03-04\n", "", Format::kCsv, ','},
        SniffCase{"csv_semicolon", "id;nom;date\n1;Ann;1990\n2;Bob;1985\n", "", Format::kCsv, ';'},
        SniffCase{"csv_tab", "id\tname\n1\tAnn\n2\tBob\n", "", Format::kCsv, '\t'},
        SniffCase{"csv_pipe", "id|name\n1|Ann\n2|Bob\n", "", Format::kCsv, '|'},
        SniffCase{"csv_quoted_commas", "name,note\n\"Doe, J\",\"a, b, c\"\n\"X\",\"y\"\n", "", Format::kCsv, ','},
        SniffCase{"csv_quoted_newline", "a,b\n\"line1\nline2\",x\n3,4\n", "", Format::kCsv, ','},
        SniffCase{"csv_semicolon_with_decimal_commas", "a;b\n1,5;2,25\n3,1;4\n", "", Format::kCsv, ';'},
        SniffCase{"csv_one_ragged_line", "a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n12,13,14\n15,16,17\n18,19,20\n"
                  "21,22,23\n24,25,26\n", "", Format::kCsv, ','},
        SniffCase{"txt_that_is_csv", "id,name\n1,Ann\n2,Bob\n", "notes.txt", Format::kCsv, ','},
        SniffCase{"one_column_csv", "name\nAnn\nBob\n", "list.csv", Format::kCsv, ','},
        SniffCase{"one_column_tsv", "name\nAnn\n", "list.tsv", Format::kCsv, '\t'},
        SniffCase{"csv_ext_but_json", "{\"a\": 1}", "data.csv", Format::kJson, 0},
        SniffCase{"prose", "Dear Dr. Smith,\nThe patient, aged 40, was seen today.\nRegards\n", "letter.csv",
                  Format::kCsv, ','},
        SniffCase{"prose_no_hint", "Dear Dr. Smith,\nThe patient, aged 40, was seen today.\nRegards\n", "letter",
                  Format::kText, 0},
        SniffCase{"latin1_text", "Patient: Ren\xE9 C\xF4t\xE9\nAdresse: Qu\xE9" "bec\n", "", Format::kText, 0},
        SniffCase{"whitespace_only", "  \n\n ", "", Format::kText, 0},
        SniffCase{"utf16le_csv", Utf16Le("id,name\r\n1,Ann\r\n2,Bob\r\n"), "", Format::kCsv, ','},
        SniffCase{"utf16be_xml", Utf16Be("<?xml version=\"1.0\"?><a/>"), "", Format::kXml, 0},
        SniffCase{"utf16le_hl7", Utf16Le("MSH|^~\\&|A\r"), "", Format::kHl7, 0},
        SniffCase{"utf16le_text", Utf16Le("Hello there\n"), "", Format::kText, 0},
        SniffCase{"utf8_bom_csv", "\xEF\xBB\xBFid;name\n1;A\n2;B\n", "", Format::kCsv, ';'}),
    [](const testing::TestParamInfo<SniffCase>& info) { return std::string(info.param.name); });

TEST(SniffTest, TruncatedNdjsonHead) {
  std::string head;
  while (head.size() < 70000) head += "{\"id\": 12345, \"name\": \"someone\"}\n";
  head.resize(64 * 1024);  // cut mid-line, as a real head would be
  EXPECT_EQ(SniffFormat(head, "x").format, Format::kNdjson);
}

TEST(SniffTest, TruncatedCsvHead) {
  std::string head = "a,b,c\n";
  while (head.size() < 70000) head += "1,\"x, y\",3\n";
  head.resize(64 * 1024);
  const SniffResult got = SniffFormat(head, "x");
  EXPECT_EQ(got.format, Format::kCsv);
  EXPECT_EQ(got.delimiter, ',');
}

TEST(SniffTest, FormatNames) {
  EXPECT_EQ(FormatName(Format::kSqlDump), "sql_dump");
  EXPECT_EQ(FormatName(Format::kNdjson), "ndjson");
  EXPECT_EQ(FormatName(Format::kEmpty), "empty");
}

}  // namespace
}  // namespace breachscope
