#include "detect/context.h"

namespace breachscope {
namespace {

// Lower-cases ASCII capitals; Latin-1 accented capitals (UTF-8 C3 80..9E,
// except the multiplication sign) are handled by AppendNormalized.
char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool IsLatin1Capital(unsigned char second) {
  return second >= 0x80 && second <= 0x9E && second != 0x97;
}

}  // namespace

// Writes into a buffer grown once, not byte by byte: normalised text is
// never longer than its input, and labels are normalised on every unit.
void AppendNormalized(std::string_view in, std::string* out) {
  const size_t at = out->size();
  out->resize(at + in.size());
  char* const first = out->data() + at;
  char* p = first;
  bool in_gap = false;
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (!IsWordByte(c)) {
      if (!in_gap) *p++ = '_';
      in_gap = true;
      continue;
    }
    in_gap = false;
    if (c == 0xC3 && i + 1 < in.size() &&
        IsLatin1Capital(static_cast<unsigned char>(in[i + 1]))) {
      *p++ = in[i];
      *p++ = static_cast<char>(in[++i] + 0x20);
      continue;
    }
    *p++ = LowerAscii(in[i]);
  }
  out->resize(at + (p - first));
}

std::string Normalize(std::string_view in) {
  std::string out;
  AppendNormalized(in, &out);
  return out;
}

std::string_view LabelSubject(std::string_view label, UnitKind kind) {
  if (kind != UnitKind::kField) return label;
  // FHIR XML keeps values in attributes: `birthDate/@value` means birthDate.
  for (std::string_view tail : {"/@value", ".@value", "/#text", ".#text"}) {
    if (label.size() > tail.size() && label.ends_with(tail)) {
      label.remove_suffix(tail.size());
      break;
    }
  }
  size_t cut = label.find_last_of("./");
  if (cut == std::string_view::npos || cut + 1 == label.size()) return label;
  return label.substr(cut + 1);
}

bool LabelIsHl7Field(std::string_view label, std::string_view field) {
  if (label.size() < field.size()) return false;
  for (size_t i = 0; i < field.size(); ++i) {
    if (LowerAscii(label[i]) != LowerAscii(field[i])) return false;
  }
  if (label.size() == field.size()) return true;
  char next = label[field.size()];
  return next == '.' || next == '[';
}

void NearbyWindow(std::string_view text, size_t pos, std::string* out) {
  out->clear();
  size_t begin = pos > kNearbyWindow ? pos - kNearbyWindow : 0;
  if (begin > 0 && IsWordByte(static_cast<unsigned char>(text[begin - 1]))) {
    // Skip the tail of a word the window cut in two.
    while (begin < pos && IsWordByte(static_cast<unsigned char>(text[begin]))) {
      ++begin;
    }
  }
  out->push_back('_');
  AppendNormalized(text.substr(begin, pos - begin), out);
  out->push_back('_');
}

int FindLastWord(std::string_view window, std::string_view word) {
  if (word.empty() || word.size() + 2 > window.size()) return -1;
  // Words start right after a '_'; scanning back from the end makes the
  // first hit the nearest. Cheap byte tests first: this runs per candidate
  // for every context word.
  for (size_t at = window.size() - word.size() - 1; at > 0; --at) {
    if (window[at - 1] != '_' || window[at] != word[0]) continue;
    size_t end = at + word.size();
    if (window[end] == '_' && window.compare(at, word.size(), word) == 0) {
      return static_cast<int>(end);
    }
  }
  return -1;
}

}  // namespace breachscope
