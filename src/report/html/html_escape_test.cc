#include "report/html/html_escape.h"

#include <gtest/gtest.h>

namespace breachscope {
namespace {

struct EscapeCase {
  std::string input, expected;
};

TEST(HtmlEscape, EscapesMarkupAndKeepsUtf8) {
  const EscapeCase cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"Tom & \"Jerry\" O'Brien", "Tom &amp; &quot;Jerry&quot; O&#39;Brien"},
      {"&amp;", "&amp;amp;"},
      {"Zoë Côté 日本 😀", "Zoë Côté 日本 😀"},
      {"tab\tand\nnewline", "tab\tand\nnewline"},
  };
  for (const EscapeCase& c : cases) EXPECT_EQ(HtmlEscape(c.input), c.expected) << c.input;
}

TEST(HtmlEscape, InvalidUtf8BecomesReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  const EscapeCase cases[] = {
      {"a\xFF" "b", "a" + fffd + "b"},
      {"\xC3", fffd},                          // truncated sequence
      {"\xC0\xAF", fffd + fffd},               // overlong '/'
      {"\xED\xA0\x80", fffd + fffd + fffd},    // UTF-16 surrogate
      {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},  // past U+10FFFF
      {"\xE2\x82<", fffd + fffd + "&lt;"},     // markup right after a broken sequence
  };
  for (const EscapeCase& c : cases) EXPECT_EQ(HtmlEscape(c.input), c.expected);
}

TEST(HtmlEscape, DropsControlCharacters) {
  EXPECT_EQ(HtmlEscape(std::string("a\0b\x01\x7F" "c", 6)), "abc");
}

}  // namespace
}  // namespace breachscope
