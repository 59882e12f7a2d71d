#include "ingest/extract/text_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace breachscope {
namespace {

class RecordingSink : public UnitSink {
 public:
  void OnUnit(const TextUnit& u) override {
    EXPECT_EQ(u.kind, UnitKind::kText);
    EXPECT_EQ(u.record, -1);
    EXPECT_EQ(u.column, -1);
    units.push_back(std::string(u.text) + "@" + std::to_string(u.offset));
  }
  std::vector<std::string> units;
};

struct TextCase {
  const char* name;
  std::string input;
  std::vector<std::string> units;
};

class TextReaderTest : public testing::TestWithParam<TextCase> {};

TEST_P(TextReaderTest, SplitsParagraphs) {
  RecordingSink sink;
  ASSERT_TRUE(ReadText(GetParam().input, sink).ok());
  EXPECT_EQ(sink.units, GetParam().units);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TextReaderTest,
    testing::Values(TextCase{"empty", "", {}}, TextCase{"blank", " \n\t\n\r\n", {}},
                    TextCase{"one_line", "Patient: Ann", {"Patient: Ann@0"}},
                    TextCase{"one_line_newline", "Patient: Ann\n", {"Patient: Ann@0"}},
                    TextCase{"two_lines_one_paragraph", "line one\nline two\n", {"line one\nline two@0"}},
                    TextCase{"paragraphs", "first\npara\n\nsecond\n \t\nthird",
                             {"first\npara@0", "second@12", "third@22"}},
                    TextCase{"crlf_paragraphs", "a\r\n\r\nb\r\n", {"a@0", "b@5"}},
                    TextCase{"leading_blank_lines_and_indent", "\n\n  indented\n", {"  indented@2"}}),
    [](const testing::TestParamInfo<TextCase>& info) { return std::string(info.param.name); });

// Checks units are ordered, bounded, and that only whitespace lies between.
struct CoverageSink : UnitSink {
  std::string_view input;
  uint64_t next = 0;
  size_t max_size = 0, total = 0, count = 0;
  bool gaps_are_space = true, in_bounds = true;
  void OnUnit(const TextUnit& u) override {
    in_bounds &= u.offset >= next && u.text.data() == input.data() + u.offset;
    for (uint64_t i = next; i < u.offset && i < input.size(); ++i) {
      gaps_are_space &= input[i] == ' ' || input[i] == '\n';
    }
    next = u.offset + u.text.size();
    max_size = std::max(max_size, u.text.size());
    total += u.text.size();
    ++count;
  }
};

TEST(TextReaderTest, HugeSingleLineGivesBoundedUnits) {
  const std::string input(200u << 20, 'a');  // 200 MiB, no space, no newline
  CoverageSink sink;
  sink.input = input;
  ASSERT_TRUE(ReadText(input, sink).ok());
  EXPECT_TRUE(sink.in_bounds);
  EXPECT_LE(sink.max_size, kMaxTextUnitBytes);
  EXPECT_EQ(sink.total, input.size());
  EXPECT_EQ(sink.next, input.size());
}

TEST(TextReaderTest, LongLineCutsAtSpaces) {
  std::string input;
  while (input.size() < 1000000) input += "word1234 ";
  CoverageSink sink;
  sink.input = input;
  ASSERT_TRUE(ReadText(input, sink).ok());
  EXPECT_TRUE(sink.in_bounds);
  EXPECT_TRUE(sink.gaps_are_space);
  EXPECT_LE(sink.max_size, kMaxTextUnitBytes);
  EXPECT_GT(sink.count, 10u);
  EXPECT_EQ(sink.next, input.size() - 1);  // the final space is trimmed
}

TEST(TextReaderTest, NeverCutsInsideUtf8Sequence) {
  std::string input;
  while (input.size() < 300000) input += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // é € 😀
  struct Utf8Sink : UnitSink {
    bool boundaries_ok = true;
    size_t total = 0;
    void OnUnit(const TextUnit& u) override {
      boundaries_ok &= (static_cast<unsigned char>(u.text.front()) & 0xC0) != 0x80;
      total += u.text.size();
    }
  } sink;
  ASSERT_TRUE(ReadText(input, sink).ok());
  EXPECT_TRUE(sink.boundaries_ok);
  EXPECT_EQ(sink.total, input.size());
}

TEST(TextReaderTest, LongParagraphCutsAtLineEnds) {
  std::string input;
  while (input.size() < 200000) input += "a line of a very long note\n";
  CoverageSink sink;
  sink.input = input;
  ASSERT_TRUE(ReadText(input, sink).ok());
  EXPECT_TRUE(sink.gaps_are_space);
  EXPECT_LE(sink.max_size, kMaxTextUnitBytes);
  EXPECT_EQ(sink.count, 4u);
}

}  // namespace
}  // namespace breachscope
