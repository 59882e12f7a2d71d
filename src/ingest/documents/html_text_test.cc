#include "ingest/documents/html_text.h"

#include <gtest/gtest.h>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

TEST(HtmlTextTest, ConvertsMarkupToText) {
  struct Row {
    const char* html;
    const char* text;
  };
  const Row rows[] = {
      {"<p>Patient: <b>Marie</b>   Tremblay</p><p>DOB 1984-03-12</p>",
       "Patient: Marie Tremblay\nDOB 1984-03-12"},
      {"<html><head><title>Lab</title><style>p{x:1}</style>"
       "<script>var a='<p>';</script></head><body>Ok</body></html>",
       "Lab\nOk"},
      {"Ren&eacute; C&ocirc;t&#233; &amp; Fils&#x21;", "René Côté & Fils!"},
      {"<table><tr><td>Name</td><td>Ann Lee</td></tr><tr><td>Phone</td>"
       "<td>306-555-0100</td></tr></table>",
       "Name\tAnn Lee\nPhone\t306-555-0100"},
      {"a<!-- Dr. Secret -->b<br>c", "ab\nc"},
      {"line&nbsp;one &bogus; &#0; &", "line one &bogus; &#0; &"},
      {"unclosed <p", "unclosed"},
      {"", ""},
  };
  for (const Row& row : rows) EXPECT_EQ(HtmlToText(row.html), row.text) << row.html;
}

TEST(HtmlTextTest, ReadsWindows1252Pages) {
  DocumentSink sink;
  ASSERT_TRUE(ReadHtml("<p>Ren\xE9 C\xF4t\xE9</p>", sink).ok());
  ASSERT_EQ(sink.units.size(), 1u);
  EXPECT_EQ(sink.units[0].text, "René Côté");
  EXPECT_EQ(sink.units[0].kind, UnitKind::kText);
}

}  // namespace
}  // namespace breachscope
