#include "ingest/documents/rtf_text.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

TEST(RtfTextTest, ConvertsToText) {
  struct Row {
    std::string rtf;
    std::string text;
  };
  const Row rows[] = {
      {"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0;}"
       "\\f0 Patient: Marie Tremblay\\par DOB: 1984-03-12\\par}",
       "Patient: Marie Tremblay\nDOB: 1984-03-12\n"},
      {"{\\rtf1 Ren\\'e9 C\\'f4t\\'e9}", "René Côté"},
      {"{\\rtf1\\uc1 Fran\\u231?ois}", "François"},
      {"{\\rtf1{\\*\\generator Riched20;}{\\info{\\author Dr. Hidden}}Visible}", "Visible"},
      {"{\\rtf1 a\\tab b\\cell c\\row}", "a\tb\tc\n"},
      {"{\\rtf1 braces \\{ \\} and \\\\}", "braces { } and \\"},
      {"{\\rtf1 truncated \\'e", "truncated "},
      {"}}}{\\rtf1 x", "x"},
  };
  for (const Row& row : rows) EXPECT_EQ(RtfToText(row.rtf), row.text) << row.rtf;
}

TEST(RtfTextTest, DeepNestingIsBounded) {
  std::string rtf = "{\\rtf1 ";
  rtf += std::string(100000, '{') + "deep" + std::string(100000, '}') + " end}";
  EXPECT_EQ(RtfToText(rtf), "deep end");
}

TEST(RtfTextTest, ReadDeliversParagraphs) {
  DocumentSink sink;
  ASSERT_TRUE(ReadRtf("{\\rtf1 Dear Dr. Lee,\\par\\par Call 306-555-0100.}", sink).ok());
  ASSERT_EQ(sink.units.size(), 2u);
  EXPECT_EQ(sink.units[1].text, "Call 306-555-0100.");
}

}  // namespace
}  // namespace breachscope
