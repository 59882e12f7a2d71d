#include "ingest/archive/member_names.h"

#include <array>
#include <cstdint>
#include <utility>

#include "common/utf8.h"

namespace breachscope {
namespace {

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  std::string_view tail = text.substr(text.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace

std::string CleanMemberPath(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t slash = raw.find('/', pos);
    if (slash == std::string_view::npos) slash = raw.size();
    std::string_view segment = raw.substr(pos, slash - pos);
    if (!segment.empty() && segment != ".") {
      if (!out.empty()) out.push_back('/');
      out.append(segment);
    }
    pos = slash + 1;
  }
  if (out.empty()) out = "(unnamed)";
  return out;
}

std::string CompressedMemberName(std::string_view outer_name) {
  // The base name of the innermost part of a nested name.
  size_t cut = outer_name.find_last_of("/!");
  std::string_view base =
      cut == std::string_view::npos ? outer_name : outer_name.substr(cut + 1);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10>
      kSuffixes = {{{".tgz", ".tar"},
                    {".tbz2", ".tar"},
                    {".tbz", ".tar"},
                    {".txz", ".tar"},
                    {".gz", ""},
                    {".bz2", ""},
                    {".xz", ""},
                    {".lzma", ""},
                    {".zst", ""},
                    {".z", ""}}};
  for (const auto& [suffix, replacement] : kSuffixes) {
    if (base.size() > suffix.size() && EndsWithIgnoreCase(base, suffix)) {
      std::string out(base.substr(0, base.size() - suffix.size()));
      out.append(replacement);
      return out;
    }
  }
  if (base.empty()) return "data.out";
  return std::string(base) + ".out";
}

std::string WideToUtf8(std::wstring_view wide) {
  std::string out;
  out.reserve(wide.size());
  for (wchar_t wc : wide) AppendUtf8(static_cast<char32_t>(wc), &out);
  return out;
}

}  // namespace breachscope
