#include "ingest/text_decoder.h"

#include <gtest/gtest.h>

#include <string>

namespace breachscope {
namespace {

struct DecodeCase {
  const char* name;
  std::string raw;
  std::string want;
  TextEncoding encoding;
  size_t replacements;
};

class DecodeTest : public testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTest, DecodesToUtf8) {
  const DecodeCase& c = GetParam();
  std::string storage;
  DecodedText out = DecodeToUtf8(c.raw, &storage);
  EXPECT_EQ(std::string(out.text), c.want);
  EXPECT_EQ(out.encoding, c.encoding);
  EXPECT_EQ(out.replacements, c.replacements);
}

using S = std::string;
INSTANTIATE_TEST_SUITE_P(
    Cases, DecodeTest,
    testing::Values(
        DecodeCase{"empty", "", "", TextEncoding::kUtf8, 0},
        DecodeCase{"ascii", "hello, world", "hello, world", TextEncoding::kUtf8, 0},
        DecodeCase{"utf8", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
                   TextEncoding::kUtf8, 0},
        DecodeCase{"utf8_bom", "\xEF\xBB\xBFname", "name", TextEncoding::kUtf8, 0},
        DecodeCase{"cp1252_e_acute", "caf\xE9", "caf\xC3\xA9", TextEncoding::kWindows1252, 0},
        DecodeCase{"cp1252_euro_quotes", "\x80 \x93x\x94", "\xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D",
                   TextEncoding::kWindows1252, 0},
        DecodeCase{"cp1252_undefined_byte", "a\x81", "a\xC2\x81", TextEncoding::kWindows1252, 0},
        DecodeCase{"overlong_is_not_utf8", "\xC0\xAF", "\xC3\x80\xC2\xAF", TextEncoding::kWindows1252, 0},
        DecodeCase{"surrogate_in_utf8_is_not_utf8", "\xED\xA0\x80", "\xC3\xAD\xC2\xA0\xE2\x82\xAC",
                   TextEncoding::kWindows1252, 0},
        DecodeCase{"truncated_sequence", "abc\xE2\x82", "abc\xC3\xA2\xE2\x80\x9A", TextEncoding::kWindows1252, 0},
        DecodeCase{"nul_bytes_pass", S("a\0b", 3), S("a\0b", 3), TextEncoding::kUtf8, 0},
        DecodeCase{"utf8_bom_damaged", "\xEF\xBB\xBF" "a\xFFz", "a\xEF\xBF\xBDz", TextEncoding::kUtf8, 1},
        DecodeCase{"utf16le", S("\xFF\xFEh\0\xE9\0", 6), "h\xC3\xA9", TextEncoding::kUtf16Le, 0},
        DecodeCase{"utf16be", S("\xFE\xFF\0h\0\xE9", 6), "h\xC3\xA9", TextEncoding::kUtf16Be, 0},
        DecodeCase{"utf16le_surrogate_pair", S("\xFF\xFE\x3D\xD8\x00\xDE", 6), "\xF0\x9F\x98\x80",
                   TextEncoding::kUtf16Le, 0},
        DecodeCase{"utf16be_surrogate_pair", S("\xFE\xFF\xD8\x3D\xDE\x00", 6), "\xF0\x9F\x98\x80",
                   TextEncoding::kUtf16Be, 0},
        DecodeCase{"utf16le_lone_high", S("\xFF\xFE\x3D\xD8" "a\0", 6), "\xEF\xBF\xBD" "a",
                   TextEncoding::kUtf16Le, 1},
        DecodeCase{"utf16le_lone_low", S("\xFF\xFE\x00\xDE", 4), "\xEF\xBF\xBD", TextEncoding::kUtf16Le, 1},
        DecodeCase{"utf16le_odd_byte", S("\xFF\xFEh\0x", 5), "h\xEF\xBF\xBD", TextEncoding::kUtf16Le, 1},
        DecodeCase{"utf16le_bom_only", "\xFF\xFE", "", TextEncoding::kUtf16Le, 0}),
    [](const testing::TestParamInfo<DecodeCase>& info) { return std::string(info.param.name); });

TEST(DecodeTest, ValidUtf8IsNotCopied) {
  const std::string raw = "\xEF\xBB\xBFplain text with \xC3\xA9 and more";
  std::string storage;
  DecodedText out = DecodeToUtf8(raw, &storage);
  EXPECT_EQ(out.text.data(), raw.data() + 3);
  EXPECT_TRUE(storage.empty());
}

TEST(DecodeTest, LongAsciiWithLateInvalidByte) {
  std::string raw(100000, 'a');
  raw += '\xE9';
  std::string storage;
  DecodedText out = DecodeToUtf8(raw, &storage);
  EXPECT_EQ(out.encoding, TextEncoding::kWindows1252);
  EXPECT_EQ(out.text.size(), raw.size() + 1);
}

TEST(DecodeTest, EncodingNames) {
  EXPECT_EQ(TextEncodingName(TextEncoding::kUtf8), "utf-8");
  EXPECT_EQ(TextEncodingName(TextEncoding::kWindows1252), "windows-1252");
}

}  // namespace
}  // namespace breachscope
