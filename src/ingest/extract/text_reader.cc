#include "ingest/extract/text_reader.h"

#include <algorithm>
#include <cstring>

namespace breachscope {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// True when the line starting at `pos` holds only whitespace. The scan stops
// at `limit` (treated as "not blank") so one huge line is never rescanned.
bool BlankLineAt(std::string_view s, size_t pos, size_t limit) {
  while (pos < limit && IsBlank(s[pos])) ++pos;
  return pos == s.size() || (pos < limit && s[pos] == '\n');
}

// First byte after the whitespace-only lines starting at `pos`.
size_t SkipBlankLines(std::string_view s, size_t pos) {
  size_t line = pos;
  for (size_t i = pos; i < s.size(); ++i) {
    if (s[i] == '\n') {
      line = i + 1;
    } else if (!IsBlank(s[i])) {
      return line;
    }
  }
  return s.size();
}

// Where to cut an oversized block [start, limit): after the last newline or
// space in the second half of the window, else on a character boundary.
size_t CutPoint(std::string_view s, size_t start, size_t limit) {
  const size_t from = start + (limit - start) / 2;
  const char* base = s.data();
  if (const void* nl = memrchr(base + from, '\n', limit - from)) {
    return static_cast<const char*>(nl) - base + 1;
  }
  if (const void* sp = memrchr(base + from, ' ', limit - from)) {
    return static_cast<const char*>(sp) - base + 1;
  }
  size_t cut = limit;
  // Back over at most three continuation bytes to a lead byte.
  for (int i = 0; i < 3 && cut > start + 1 &&
                  (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80;
       ++i) {
    --cut;
  }
  return cut;
}

// End of the block starting at `start`: the first blank line, the end of the
// text, or a cut point when the block would exceed the unit cap.
size_t BlockEnd(std::string_view s, size_t start) {
  const size_t limit = std::min(s.size(), start + kMaxTextUnitBytes);
  size_t cur = start;
  while (cur < limit) {
    const void* nl = std::memchr(s.data() + cur, '\n', limit - cur);
    if (nl == nullptr) break;
    cur = static_cast<const char*>(nl) - s.data() + 1;
    if (cur >= s.size()) return s.size();
    if (BlankLineAt(s, cur, limit)) return cur;
  }
  return limit == s.size() ? limit : CutPoint(s, start, limit);
}

}  // namespace

Status ReadText(std::string_view utf8, UnitSink& sink) {
  size_t pos = 0;
  while (pos < utf8.size()) {
    pos = SkipBlankLines(utf8, pos);
    if (pos >= utf8.size()) break;
    const size_t end = BlockEnd(utf8, pos);
    std::string_view block = utf8.substr(pos, end - pos);
    while (!block.empty() && (IsBlank(block.back()) || block.back() == '\n')) {
      block.remove_suffix(1);
    }
    if (!block.empty()) {
      TextUnit unit;
      unit.kind = UnitKind::kText;
      unit.text = block;
      unit.offset = pos;
      sink.OnUnit(unit);
    }
    pos = end;
  }
  return Status::Ok();
}

}  // namespace breachscope
