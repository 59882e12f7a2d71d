#include "detect/medical/measures.h"

#include <cmath>

namespace breachscope::medical {
namespace {

constexpr double kCmPerInch = 2.54;
constexpr double kKgPerPound = 0.45359237;

struct Number {
  double value = 0;
  bool decimal = false;
  size_t end = 0;
};

// The number at text[pos] ("72", "72.5", "72,5").
std::optional<Number> ReadNumber(std::string_view text, size_t pos) {
  Number n;
  size_t i = pos;
  double scale = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      if (scale == 0) {
        n.value = n.value * 10 + (c - '0');
      } else {
        n.value += (c - '0') * scale;
        scale /= 10;
      }
    } else if ((c == '.' || c == ',') && scale == 0 && i > pos) {
      scale = 0.1;
      n.decimal = true;
    } else {
      break;
    }
  }
  if (i == pos) return std::nullopt;
  n.end = i;
  return n;
}

// The unit after the number: letters and quote marks, spaces skipped.
std::string_view UnitAfter(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  return text.substr(pos);
}

// "5'8\"", "5 ft 8 in", "5 ft": feet and inches in centimetres.
std::optional<double> FeetInches(std::string_view text, double feet,
                                 size_t pos) {
  size_t i = pos;
  while (i < text.size() && !(text[i] >= '0' && text[i] <= '9')) ++i;
  double inches = 0;
  if (i < text.size()) {
    std::optional<Number> in = ReadNumber(text, i);
    if (!in || in->value >= 12) return std::nullopt;
    inches = in->value;
  }
  return (feet * 12 + inches) * kCmPerInch;
}

}  // namespace

std::optional<double> ParseHeightCm(std::string_view text) {
  std::optional<Number> n = ReadNumber(text, 0);
  if (!n) return std::nullopt;
  std::string_view unit = UnitAfter(text, n->end);
  if (unit.empty()) return n->decimal && n->value <= 2.5 ? n->value * 100 : n->value;
  if (unit == "cm") return n->value;
  if (unit == "m") return n->value * 100;
  if (unit == "in" || unit == "inches") return n->value * kCmPerInch;
  if (unit[0] == '\'' || unit.starts_with("ft") || unit.starts_with("fe") ||
      unit.starts_with("fo")) {
    if (n->decimal) return std::nullopt;
    return FeetInches(text, n->value, n->end + 1);
  }
  return std::nullopt;
}

std::optional<double> ParseWeightKg(std::string_view text) {
  std::optional<Number> n = ReadNumber(text, 0);
  if (!n) return std::nullopt;
  std::string_view unit = UnitAfter(text, n->end);
  if (unit.empty() || unit.starts_with("k")) return n->value;
  if (unit.starts_with("lb") || unit.starts_with("pound") ||
      unit.starts_with("livre")) {
    return n->value * kKgPerPound;
  }
  return std::nullopt;
}

std::string FormatMetric(double value, std::string_view unit) {
  long tenths = std::lround(value * 10);
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10 != 0) out += "." + std::to_string(tenths % 10);
  return out + " " + std::string(unit);
}

}  // namespace breachscope::medical
