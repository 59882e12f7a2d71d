#include "report/html/svg_bar_chart.h"

#include <algorithm>
#include <cstdio>

#include "report/html/html_escape.h"

namespace breachscope {
namespace {

// Layout in SVG user units; the figure scales down on narrow screens.
constexpr int kLabelWidth = 250;
constexpr int kBarArea = 330;
constexpr int kValueWidth = 60;
constexpr size_t kMaxLabelBytes = 40;  // about what fits in kLabelWidth at 12px
constexpr int kRowHeight = 22;
constexpr int kBarHeight = 16;
constexpr int kChartWidth = kLabelWidth + kBarArea + kValueWidth;

std::string Num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

std::string FigureOpen(std::string_view id, std::string_view title) {
  std::string out = "<figure class=\"chart\" id=\"chart-";
  AppendEscaped(id, &out);
  out += "\"><figcaption>";
  AppendEscaped(title, &out);
  out += "</figcaption>";
  return out;
}

std::string SvgOpen(int width, int height, std::string_view title) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height) +
                    "\" aria-label=\"";
  AppendEscaped(title, &out);
  out += "\">";
  return out;
}

// Long labels would run off the left edge: cut on a character boundary and
// mark the cut; the bar's tooltip keeps the whole label.
std::string ShortLabel(std::string_view label) {
  if (label.size() <= kMaxLabelBytes) return std::string(label);
  size_t cut = kMaxLabelBytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return std::string(label.substr(0, cut)) + "\u2026";
}

// One row: label, bar with a tooltip, value.
void AppendRow(const ChartBar& bar, int row, uint64_t max_value, std::string* out) {
  const int y = row * kRowHeight;
  const double width =
      max_value == 0 ? 0 : kBarArea * static_cast<double>(bar.value) / static_cast<double>(max_value);
  const std::string text_y = std::to_string(y + kBarHeight - 3);
  *out += "<text class=\"label\" x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + text_y +
          "\">";
  AppendEscaped(ShortLabel(bar.label), out);
  *out += "</text><rect class=\"";
  AppendEscaped(bar.css_class, out);
  *out += "\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 2) +
          "\" width=\"" + Num(std::max(width, bar.value > 0 ? 1.0 : 0.0)) + "\" height=\"" +
          std::to_string(kBarHeight) + "\" data-value=\"" + std::to_string(bar.value) +
          "\"><title>";
  AppendEscaped(bar.label, out);
  *out += ": " + FormatCount(bar.value) + "</title></rect>";
  *out += "<text class=\"value\" x=\"" + Num(kLabelWidth + width + 4) + "\" y=\"" + text_y +
          "\">" + FormatCount(bar.value) + "</text>";
}

}  // namespace

std::string FormatCount(uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string RenderBarChart(std::string_view id, std::string_view title,
                           const std::vector<ChartBar>& bars) {
  std::string out = FigureOpen(id, title);
  if (bars.empty()) return out + "<p class=\"empty\">Nothing to show.</p></figure>\n";
  uint64_t max_value = 0;
  for (const ChartBar& bar : bars) max_value = std::max(max_value, bar.value);
  out += SvgOpen(kChartWidth, static_cast<int>(bars.size()) * kRowHeight, title);
  for (size_t row = 0; row < bars.size(); ++row) {
    AppendRow(bars[row], static_cast<int>(row), max_value, &out);
  }
  return out + "</svg></figure>\n";
}

std::string RenderStackedBar(std::string_view id, std::string_view title,
                             const std::vector<ChartBar>& segments) {
  std::string out = FigureOpen(id, title);
  uint64_t total = 0;
  for (const ChartBar& segment : segments) total += segment.value;
  if (total == 0) return out + "<p class=\"empty\">Nothing to show.</p></figure>\n";
  constexpr int kHeight = 28;
  out += SvgOpen(kChartWidth, kHeight, title);
  double x = 0;
  for (const ChartBar& segment : segments) {
    if (segment.value == 0) continue;
    const double width = kChartWidth * static_cast<double>(segment.value) / static_cast<double>(total);
    out += "<rect class=\"";
    AppendEscaped(segment.css_class, &out);
    out += "\" x=\"" + Num(x) + "\" y=\"2\" width=\"" + Num(width) + "\" height=\"" +
           std::to_string(kHeight - 4) + "\" data-value=\"" + std::to_string(segment.value) +
           "\"><title>";
    AppendEscaped(segment.label, &out);
    out += ": " + FormatCount(segment.value) + "</title></rect>";
    x += width;
  }
  out += "</svg><ul class=\"legend\">";
  for (const ChartBar& segment : segments) {
    out += "<li><span class=\"swatch ";
    AppendEscaped(segment.css_class, &out);
    out += "\"></span>";
    AppendEscaped(segment.label, &out);
    out += ": " + FormatCount(segment.value) + "</li>";
  }
  return out + "</ul></figure>\n";
}

}  // namespace breachscope
