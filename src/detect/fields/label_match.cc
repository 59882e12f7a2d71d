#include "detect/fields/label_match.h"

#include "detect/context.h"

namespace breachscope {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string FramedLabelWords(std::string_view label) {
  std::string split;
  split.reserve(label.size() + 8);
  for (size_t i = 0; i < label.size(); ++i) {
    // "firstName", "patientID" -> word break before the capital.
    if (i > 0 && IsUpper(label[i]) && IsLower(label[i - 1])) {
      split.push_back('_');
    }
    split.push_back(label[i]);
  }
  std::string out = "_";
  AppendNormalized(split, &out);
  if (out.back() != '_') out.push_back('_');
  return out;
}

bool HasPhrase(std::string_view framed, std::string_view phrase) {
  if (phrase.empty()) return false;
  for (size_t at = framed.find(phrase); at != std::string_view::npos;
       at = framed.find(phrase, at + 1)) {
    size_t end = at + phrase.size();
    if (at > 0 && framed[at - 1] == '_' && end < framed.size() &&
        framed[end] == '_') {
      return true;
    }
  }
  return false;
}

bool IsHl7Label(std::string_view label) {
  if (label.size() < 5 || label[3] != '-') return false;
  for (size_t i = 4; i < label.size(); ++i) {
    if (!IsDigit(label[i])) return false;
  }
  return true;
}

int Hl7Component(std::string_view path) {
  size_t close = path.find(']');
  if (close == std::string_view::npos || close + 1 >= path.size() ||
      path[close + 1] != '.') {
    return 1;
  }
  int component = 0;
  for (size_t i = close + 2; i < path.size() && IsDigit(path[i]); ++i) {
    component = component * 10 + (path[i] - '0');
    if (component > 1000) break;
  }
  return component > 0 ? component : 1;
}

std::string_view Hl7Segment(std::string_view path) {
  size_t dash = path.find('-');
  return dash == std::string_view::npos ? path : path.substr(0, dash);
}

std::string DottedLabel(std::string_view label) {
  for (std::string_view tail : {"/@value", ".@value", "/#text", ".#text"}) {
    if (label.ends_with(tail)) {
      label.remove_suffix(tail.size());
      break;
    }
  }
  while (!label.empty() && (label[0] == '/' || label[0] == '.')) {
    label.remove_prefix(1);
  }
  std::string out(label);
  for (char& c : out) {
    if (c == '/') c = '.';
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool PathEndsWith(std::string_view dotted, std::string_view suffix) {
  if (!dotted.ends_with(suffix)) return false;
  return dotted.size() == suffix.size() ||
         dotted[dotted.size() - suffix.size() - 1] == '.';
}

std::string_view XmlResourceType(std::string_view label) {
  std::string_view found;
  size_t start = 0;
  while (start < label.size()) {
    size_t end = label.find('/', start);
    if (end == std::string_view::npos) end = label.size();
    if (end > start && IsUpper(label[start])) {
      found = label.substr(start, end - start);
    }
    start = end + 1;
  }
  return found;
}

}  // namespace breachscope
