#include "ingest/documents/ole2_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/documents/document_test_util.h"
#include "ingest/documents/word97_text.h"

namespace breachscope {
namespace {

TEST(Ole2ReaderTest, WordBodyAndOtherTextThroughThePieceTable) {
  DocumentSink sink;
  ASSERT_TRUE(ReadOle2Document(ReadFixture("referral.doc"), sink).ok());
  ASSERT_EQ(sink.units.size(), 2u);
  // Piece 1 is CP1252 (è), piece 2 UTF-16 (the dash); the table's cell
  // marks are tabs, the hyperlink's instruction is gone, its result kept.
  EXPECT_EQ(sink.units[0].path, "body");
  EXPECT_EQ(sink.units[0].text,
            "Referral letter\nPatient: Jean Lavoie, Genève clinic\nDate of birth: 1962-11-05\n"
            "Phone\t306-555-0177\t\t\nMail jean.lavoie@example.org today");
  EXPECT_EQ(sink.units[1].path, "other text");
  EXPECT_EQ(sink.units[1].text, "Questions: 306-555-0199 \xE2\x80\x94 Dr. Ana Roy");
}

TEST(Ole2ReaderTest, ExcelSheetsAsTables) {
  DocumentSink sink;
  ASSERT_TRUE(ReadOle2Document(ReadFixture("patients.xls"), sink).ok());
  struct Want {
    int64_t record;
    int32_t column;
    const char* label;
    const char* text;
  };
  // "luc.fortin@example.com" crosses into a CONTINUE record as UTF-16;
  // the dates are serials under a date format (a NUMBER and an RK).
  const Want want[] = {
      {0, 0, "Name", "Anne Roy"},   {0, 1, "DOB", "1977-10-08"},
      {0, 2, "Email", "anne.roy@example.com"},
      {1, 0, "Name", "Luc Fortin"}, {1, 1, "DOB", "1984-03-12"},
      {1, 2, "Email", "luc.fortin@example.com"},
  };
  ASSERT_EQ(sink.units.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(sink.units[i].kind, UnitKind::kTableCell) << i;
    EXPECT_EQ(sink.units[i].table, "Patients") << i;
    EXPECT_EQ(sink.units[i].record, want[i].record) << i;
    EXPECT_EQ(sink.units[i].column, want[i].column) << i;
    EXPECT_EQ(sink.units[i].label, want[i].label) << i;
    EXPECT_EQ(sink.units[i].text, want[i].text) << i;
  }
  EXPECT_EQ(sink.record_ends, (std::vector<int64_t>{0, 1}));
}

TEST(Ole2ReaderTest, ProtectedTruncatedAndOtherKindsAreErrors) {
  struct Want {
    const char* name;
    StatusCode code;
    const char* message;
  };
  const Want want[] = {
      {"locked.doc", StatusCode::kEncrypted, "Word document is password protected"},
      {"locked.xls", StatusCode::kEncrypted, "Excel workbook is password protected"},
      {"slides.ppt", StatusCode::kUnsupported,
       "legacy PowerPoint 97-2003 presentation (.ppt) is not read"},
      {"referral_truncated.doc", StatusCode::kCorrupt,
       "OLE2 compound file cannot be opened: Inconsistent block allocation table"},
      {"patients_truncated.xls", StatusCode::kCorrupt,
       "OLE2 compound file cannot be opened: Inconsistent block allocation table"},
  };
  for (const Want& w : want) {
    DocumentSink sink;
    Status status = ReadOle2Document(ReadFixture(w.name), sink);
    EXPECT_EQ(status.code(), w.code) << w.name;
    EXPECT_EQ(status.message(), w.message) << w.name;
    EXPECT_TRUE(sink.units.empty()) << w.name;
  }
  DocumentSink sink;
  EXPECT_EQ(ReadOle2Document(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), sink).code(),
            StatusCode::kCorrupt);
}

// Every prefix of the documents and a byte flipped at each position of the
// streams' first sector: an error or text, never a crash or an overread
// (run under ASan by the fuzz build).
TEST(Ole2ReaderTest, DamagedDocumentsNeverCrash) {
  for (const char* name : {"referral.doc", "patients.xls"}) {
    const std::string whole = ReadFixture(name);
    for (size_t cut = 0; cut < whole.size(); cut += 97) {
      DocumentSink sink;
      (void)ReadOle2Document(std::string_view(whole).substr(0, cut), sink);
    }
    for (size_t at = 512; at < 1536; ++at) {
      std::string damaged = whole;
      damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
      DocumentSink sink;
      (void)ReadOle2Document(damaged, sink);
    }
  }
}

TEST(Word97TextTest, PieceTableOutsideItsStreamsIsCorrupt) {
  std::string body, other;
  EXPECT_EQ(Word97Text({"", "", ""}, &body, &other).code(), StatusCode::kCorrupt);
  std::string fib(0x400, '\0');
  fib[0] = '\xEC';
  fib[1] = '\xA5';
  fib[2] = '\x65';  // nFib 101 and later: Word 97
  fib[0x20] = 14;
  fib[0x3E] = 22;
  fib[0x98] = 93;
  EXPECT_EQ(Word97Text({fib, "", ""}, &body, &other).message(),
            "Word document without its table stream");
  std::string table(16, '\0');
  EXPECT_EQ(Word97Text({fib, table, ""}, &body, &other).message(),
            "Word piece table is malformed");
  fib[2] = '\x60';  // Word 6
  EXPECT_EQ(Word97Text({fib, table, ""}, &body, &other).code(), StatusCode::kUnsupported);
}

}  // namespace
}  // namespace breachscope
