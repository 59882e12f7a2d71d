#include "detect/id_shape.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "detect/context.h"
#include "detect/id_machine_text.h"

namespace breachscope {
namespace {

struct ShapeRow {
  std::string token;
  std::string literal;  // empty: not an identifier
  std::string classes;
  bool specific;
};

TEST(IdShapeTest, ShapesAndSpecificity) {
  const std::vector<ShapeRow> rows = {
      {"RVH-0042371", "RVH-9{7}", "A{3}-9{7}", true},
      {"M00123456", "M9{8}", "A{1}9{8}", true},
      {"m00123456", "M9{8}", "A{1}9{8}", true},
      {"24-118873", "9{2}-9{6}", "9{2}-9{6}", true},
      {"AB12-3456", "AB9{2}-9{4}", "A{2}9{2}-9{4}", true},
      {"1234567", "9{7}", "9{7}", false},            // bare number
      {"2024-11-28", "9{4}-9{2}-9{2}", "9{4}-9{2}-9{2}", false},  // date
      {"306-555-1234", "9{3}-9{3}-9{4}", "9{3}-9{3}-9{4}", false},  // phone
      {"555-1234", "9{3}-9{4}", "9{3}-9{4}", false},  // local phone
      {"130-692-544", "9{3}-9{3}-9{3}", "9{3}-9{3}-9{3}", false},  // SIN
      {"S4P3Y2", "S9{1}P9{1}Y9{1}", "A{1}9{1}A{1}9{1}A{1}9{1}", false},
      {"E11.9", "E9{2}.9{1}", "A{1}9{2}.9{1}", false},  // three digits
      {"G43.909", "G9{2}.9{3}", "A{1}9{2}.9{3}", false},  // ICD-10 code
      {"02229080", "9{8}", "9{8}", false},               // DIN
      {"24331-1", "9{5}-9{1}", "9{5}-9{1}", false},      // LOINC code
      {"2024-03-01T10", "9{4}-9{2}-9{2}T9{2}", "9{4}-9{2}-9{2}A{1}9{2}",
       false},                                           // timestamp
      {"20240301T101500Z", "9{8}T9{6}Z", "9{8}A{1}9{6}A{1}",
       false},                                           // basic ISO time
      {"M 00123456", "M 9{8}", "A{1} 9{8}", true},       // spaced prefix
      {"RVH 0042371", "RVH 9{7}", "A{3} 9{7}", true},
      {"DEC 2024", "DEC 9{4}", "A{3} 9{4}", false},      // a year
      {"RVH 004-2371", "", "", false},                   // digits only
      {"12 345678", "", "", false},                      // letters first
      {"ABCDE 123456", "", "", false},                   // prefix of 1-4
      {"AB12", "", "", false},                           // two digits
      {"RVH--0042371", "", "", false},                   // double separator
      {"-0042371", "", "", false},
      {"ABCDEFGHIJKLMNOPQRSTU12345", "", "", false},     // too long
  };
  for (const ShapeRow& row : rows) {
    std::optional<IdShape> shape = ShapeOf(row.token);
    if (row.literal.empty()) {
      EXPECT_FALSE(shape.has_value()) << row.token;
      continue;
    }
    ASSERT_TRUE(shape.has_value()) << row.token;
    EXPECT_EQ(shape->literal, row.literal) << row.token;
    EXPECT_EQ(shape->classes, row.classes) << row.token;
    EXPECT_EQ(IsSpecific(*shape), row.specific) << row.token;
  }
}

std::vector<std::string> Candidates(std::string_view text,
                                    std::string_view label = "",
                                    std::vector<Finding> taken = {}) {
  TextUnit unit;
  unit.text = text;
  unit.label = label;
  unit.offset = 100;
  std::vector<Finding> out;
  CollectIdCandidates(unit, taken, &out);
  std::vector<std::string> values;
  for (const Finding& f : out) {
    EXPECT_EQ(f.category, kIdCandidateCategory);
    EXPECT_EQ(f.location.offset, 100 + text.find(f.value));
    values.push_back(f.value);
  }
  return values;
}

TEST(IdShapeTest, CandidatesInText) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Candidates("Seen today, RVH-0042371. Follow up M00123456"),
            (V{"RVH-0042371", "M00123456"}));
  EXPECT_EQ(Candidates("chart 24-118873 reviewed"), (V{"24-118873"}));
  // Decoys: counter words, e-mail addresses, bare numbers, dates.
  EXPECT_EQ(Candidates("Order RVH-0042371 shipped"), V{});
  EXPECT_EQ(Candidates("Invoice no. M00123456"), V{});
  EXPECT_EQ(Candidates("write to rvh0042371@example.com"), V{});
  EXPECT_EQ(Candidates("call 1234567 on 2024-11-28"), V{});
  EXPECT_EQ(Candidates("M00123456", "Order Number"), V{});
  EXPECT_EQ(Candidates("M00123456", "ref"), V{});
  EXPECT_EQ(Candidates("M00123456", "Identifier"), V{"M00123456"});
}

TEST(IdShapeTest, MachineTextHoldsNoCandidates) {
  using V = std::vector<std::string>;
  // Times, request ids, durations in a log line.
  EXPECT_EQ(Candidates("2024-03-06T09:34:34.313Z INFO worker-11 "
                       "request_id=1b755207b8318bb1 took 1500ms"),
            V{});
  EXPECT_EQ(Candidates("at 10:15:22.4417Z and 20240301T101500Z"), V{});
  // Hashes and ids in hex, upper or lower case, and hex literals.
  EXPECT_EQ(Candidates("trace bb97833954942020 sha 3f92a41 x 0x7ffe1234"),
            V{});
  EXPECT_EQ(Candidates("key 1234567890AB and 00AB12CD34EF5678"), V{});
  // IPv6, MAC and UUIDs, versions, URLs.
  EXPECT_EQ(Candidates("from fe80::1ff:fe23:4567:890a port 8443"), V{});
  EXPECT_EQ(Candidates("mac 00-11-22-33-44-5A or 0011.22a3.4455"), V{});
  EXPECT_EQ(Candidates("uuid 123e4567-e89b-12d3-a456-426614174000"), V{});
  EXPECT_EQ(Candidates("openssl 1.1.1w1 and v2.1045 and Chrome/120.0.6099a"),
            V{});
  EXPECT_EQ(Candidates("GET https://x.org/p/RVH-0042371?id=M00123456 ok"),
            V{});
  // HL7 code tables named in coded values.
  EXPECT_EQ(Candidates("SPO^Spouse^HL70063"), V{});
  // Record numbers beside them stay candidates, labels' colons too.
  EXPECT_EQ(Candidates("09:34:34 MRN:M00123456 A0042371 0042371A"),
            (V{"M00123456", "A0042371", "0042371A"}));
}

// The scan turns most tokens away from their counts of digits, letters
// and runs before building a shape: what it keeps must be exactly what the
// shape says. Random tokens of hex-like, timestamp-like and id-like forms.
TEST(IdShapeTest, QuickRejectionAgreesWithTheShape) {
  std::mt19937 rng(11);
  const std::string alphabet = "0123456789abcdefTtZRVHM";
  const std::string separators = "-/.#";
  auto pick = [&](const std::string& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
  };
  int kept = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string token;
    const size_t length = std::uniform_int_distribution<size_t>(4, 24)(rng);
    if (n % 5 == 0) token = n % 10 == 0 ? "2024-03-06T" : "20240301T";
    while (token.size() < length) {
      if (!token.empty() && std::uniform_int_distribution<int>(0, 7)(rng) == 0 &&
          separators.find(token.back()) == std::string::npos) {
        token.push_back(pick(separators));
      }
      token.push_back(pick(alphabet));
    }
    const std::string text = "see " + token + " ok";
    const std::optional<IdShape> shape = ShapeOf(token);
    const bool expected = shape && IsSpecific(*shape) &&
                          !MachineToken(text, 4, 4 + token.size());
    TextUnit unit;
    unit.text = text;
    std::vector<Finding> out;
    CollectIdCandidates(unit, {}, &out);
    const bool found = out.size() == 1 && out[0].value == token;
    EXPECT_EQ(found, expected) << token;
    EXPECT_LE(out.size(), 1u) << token;
    kept += found;
  }
  EXPECT_GT(kept, 100);  // the test saw both answers
}

TEST(IdShapeTest, SpacedPrefixes) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Candidates("Your file M 00123456 was copied, see RVH 0042371."),
            (V{"M 00123456", "RVH 0042371"}));
  // Not in lower case, not a year, not after or with a counter word.
  EXPECT_EQ(Candidates("in 2024, since 19980 and DEC 2024"), V{});
  EXPECT_EQ(Candidates("PO 12345678 and INV 0042371"), V{});
  EXPECT_EQ(Candidates("Order M 00123456"), V{});
  // The number must end there: `M 001234-56789` is no spaced form.
  EXPECT_EQ(Candidates("M 001234-56789"), V{"001234-56789"});
  EXPECT_EQ(Candidates("M 00123456", "Key"), V{"M 00123456"});
}

TEST(IdShapeTest, MachineFieldsHoldNoCandidates) {
  using V = std::vector<std::string>;
  auto field = [](std::string_view text, std::string_view label) {
    TextUnit unit;
    unit.kind = UnitKind::kField;
    unit.text = text;
    unit.label = label;
    std::vector<Finding> out;
    CollectIdCandidates(unit, {}, &out);
    V values;
    for (const Finding& f : out) values.push_back(f.value);
    return values;
  };
  EXPECT_EQ(field("MSG20240400001", "MSH-10"), V{});
  EXPECT_EQ(field("ORD-0042371", "obr-2"), V{});
  EXPECT_EQ(field("enc-700084-0", "entry.resource.id"), V{});
  EXPECT_EQ(field("RVH-0042371", "PID-2"), V{"RVH-0042371"});
  EXPECT_EQ(field("RVH-0042371", "NTE-3"), V{"RVH-0042371"});
  EXPECT_EQ(field("RVH-0042371", "entry.resource.note.text"),
            V{"RVH-0042371"});
}

TEST(IdShapeTest, TakenTokensAreNotCandidates) {
  Finding taken;
  taken.value = "M00123456";
  taken.location.offset = 100 + 4;
  EXPECT_TRUE(Candidates("MRN M00123456 and RVH-0042371", "", {taken}) ==
              std::vector<std::string>{"RVH-0042371"});
}

TEST(IdShapeTest, CandidateFreeRunsAreSkipped) {
  // Words, short numbers and digit runs without letters under 6 digits.
  EXPECT_EQ(CandidateFreeRunEnd("took 737ms ok", 5), 10u);
  EXPECT_EQ(CandidateFreeRunEnd("worker-11 x", 0), 9u);
  EXPECT_EQ(CandidateFreeRunEnd("ab_1234567", 0), 2u);
  EXPECT_EQ(CandidateFreeRunEnd("at 10.0.12 ok", 3), 10u);
  // Runs that may hold one stay: 4 digits with a letter, 6 without.
  EXPECT_EQ(CandidateFreeRunEnd("see RVH-0042371.", 4), 4u);
  EXPECT_EQ(CandidateFreeRunEnd("A0042", 0), 0u);
  EXPECT_EQ(CandidateFreeRunEnd("24-118873", 0), 0u);
  // A prefix before a space and a digit may start a spaced form.
  EXPECT_EQ(CandidateFreeRunEnd("RVH 0042371", 0), 0u);
  EXPECT_EQ(CandidateFreeRunEnd("RVH x", 0), 3u);
  // A run that is one token without a specific shape: times, addresses,
  // hexadecimal ids.
  EXPECT_EQ(CandidateFreeRunEnd("2024-03-06T09:34", 0), 13u);
  EXPECT_EQ(CandidateFreeRunEnd("ip 125.89.35.71 x", 3), 15u);
  EXPECT_EQ(CandidateFreeRunEnd("=1b755207b8318bb1 ", 1), 17u);
  // Not when the run may hold several tokens, or its tokens start after
  // its separators (glued to the byte before).
  EXPECT_EQ(CandidateFreeRunEnd("2024-03-06T09--AB1234", 0), 0u);
  EXPECT_EQ(CandidateFreeRunEnd("_1b755207b8318bb1-A0042371", 1), 1u);
  EXPECT_EQ(CandidateFreeRunEnd("_125.89.35.71", 1), 1u);
}

// The old scan, token by token without the run gate or the quick
// rejection, on texts without counter words or labels.
std::vector<std::string> ReferenceCandidates(std::string_view text) {
  auto alnum = [](unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  auto glued = [](unsigned char c) {
    return IsWordByte(c) || c == '@' || c == '_';
  };
  auto token_end = [&](size_t end) {
    while (end < text.size() &&
           (alnum(text[end]) ||
            (std::string_view("-/.#").find(text[end]) != std::string_view::npos &&
             end + 1 < text.size() && alnum(text[end + 1])))) {
      ++end;
    }
    return end;
  };
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ':' && text.substr(i + 1, 2) == "//") {
      i = UrlEnd(text, i);
      continue;
    }
    if (!alnum(text[i]) || (i > 0 && glued(text[i - 1]))) {
      ++i;
      continue;
    }
    const size_t start = i;
    size_t end = token_end(start);
    // Spaced form: 1-4 upper-case letters, a space, digits ending a token.
    if (end - start <= 4 && end + 1 < text.size() && text[end] == ' ' &&
        std::isdigit(static_cast<unsigned char>(text[end + 1])) &&
        std::all_of(text.begin() + start, text.begin() + end,
                    [](char c) { return c >= 'A' && c <= 'Z'; })) {
      size_t digits_end = end + 1;
      while (digits_end < text.size() &&
             std::isdigit(static_cast<unsigned char>(text[digits_end]))) {
        ++digits_end;
      }
      if (token_end(end + 1) == digits_end) end = digits_end;
    }
    i = end;
    if (end < text.size() && glued(text[end])) continue;
    const std::string_view token = text.substr(start, end - start);
    const std::optional<IdShape> shape = ShapeOf(token);
    if (shape && IsSpecific(*shape) && !MachineToken(text, start, end)) {
      out.emplace_back(token);
    }
  }
  return out;
}

// Random texts of words, numbers, ids, times, separators, glue and URLs:
// the gated scan finds exactly what the old one did.
TEST(IdShapeTest, RunGateFindsWhatTheFullScanFinds) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "took", "737ms", "M", "RVH", "AB", "worker-11", "2024-03-06T09:34:34.313Z",
      "0042371", "M00123456", "24-118873", "1b755207b8318bb1", "_", "@", "-",
      ".", "/", "#", " ", " ", " ", "\n", ":", "://x.org/a1234", "12", "123456",
      "A1", "9", "x9y8z7w6", "\xC3\xA9", "Z9Z9", "HL70063", "v2.1.3", "ab",
      "125.89.35.71", "=", "T", "1b755207b8318bb1",
      // Runs of 16 bytes and more (the gate counts them 16 at a time).
      "ab12cd34ef56gh78ij90kl", "12345678901234567890", "A-B-C-D-E-F-G-H-1234",
      "M0012345-6789/0042#17", "--..//##", "ZZZZZZZZZZZZZZZZZZ9"};
  int found = 0;
  for (int n = 0; n < 8000; ++n) {
    std::string text;
    const int count = std::uniform_int_distribution<int>(1, 40)(rng);
    for (int k = 0; k < count; ++k) {
      text += pieces[std::uniform_int_distribution<size_t>(
          0, pieces.size() - 1)(rng)];
    }
    TextUnit unit;
    unit.text = text;
    std::vector<Finding> out;
    CollectIdCandidates(unit, {}, &out);
    std::vector<std::string> values;
    for (const Finding& f : out) values.push_back(f.value);
    EXPECT_EQ(values, ReferenceCandidates(text)) << text;
    found += !values.empty();
  }
  EXPECT_GT(found, 200);  // both sides of the gate were seen
}

}  // namespace
}  // namespace breachscope
