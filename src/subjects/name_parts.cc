#include "subjects/name_parts.h"

#include <cctype>
#include <vector>

#include "subjects/label_words.h"

namespace breachscope {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string StripDot(std::string_view word) {
  while (!word.empty() && (word.back() == '.' || word.back() == ',')) {
    word.remove_suffix(1);
  }
  return std::string(word);
}

bool IsTitle(std::string_view word) {
  static constexpr std::string_view kTitles[] = {
      "dr", "mr", "mrs", "ms", "miss", "mme", "mlle", "m", "prof", "docteur"};
  const std::string w = Lower(StripDot(word));
  for (std::string_view t : kTitles) {
    if (w == t) return true;
  }
  return false;
}

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// Component of an HL7 XPN ("CÔTÉ^JEAN^M^JR"): family, given, middle, suffix.
PersonName SplitHl7Name(std::string_view value) {
  PersonName name;
  std::string* parts[] = {&name.family, &name.given, &name.middle, &name.suffix};
  size_t index = 0;
  for (char c : value) {
    if (c == '^') {
      if (++index >= 4) break;
      continue;
    }
    *parts[index] += c;
  }
  return name;
}

// Given and middle from the words before the family name.
void FillGivenMiddle(const std::vector<std::string>& words, PersonName* name) {
  if (words.empty()) return;
  name->given = words[0];
  name->middle = Join(words, 1, words.size());
}

}  // namespace

bool IsNameSuffix(std::string_view word) {
  const std::string w = Lower(StripDot(word));
  return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

NamePart NamePartOf(const Location& location) {
  const Hl7Position hl7 = ParseHl7Path(location.path);
  if (hl7.ok) {
    switch (hl7.component) {
      case 1: return NamePart::kFamily;
      case 2: return NamePart::kGiven;
      case 3: return NamePart::kMiddle;
      case 4: return NamePart::kSuffix;
      default: return NamePart::kFull;
    }
  }
  // FHIR writes every given name in one array: the first is the given name.
  const size_t given = location.path.rfind("given[");
  if (given != std::string::npos && location.path.compare(given, 8, "given[0]") != 0) {
    return NamePart::kMiddle;
  }
  const std::vector<std::string> words = LabelWords(location.label);
  if (HasAnyWord(words, {"middle", "second"})) return NamePart::kMiddle;
  if (HasAnyWord(words, {"suffix"})) return NamePart::kSuffix;
  if (HasAnyWord(words, {"first", "given", "prénom", "prenom", "forename",
                         "firstname", "fname", "givenname"})) {
    return NamePart::kGiven;
  }
  if (HasAnyWord(words, {"last", "family", "surname", "nom", "lastname",
                         "lname", "familyname"})) {
    return NamePart::kFamily;
  }
  return NamePart::kFull;
}

PersonName SplitFullName(std::string_view value) {
  PersonName name;
  if (value.find('^') != std::string_view::npos) {
    name = SplitHl7Name(value);
    name.full = std::string(value);
    return name;
  }
  const size_t comma = value.find(',');
  std::vector<std::string> words;
  if (comma != std::string_view::npos) {
    // "Côté, Jean Marie": the family name comes first.
    name.family = StripDot(std::string(value.substr(0, comma)));
    for (std::string& w : SplitSpaces(value.substr(comma + 1))) {
      if (IsNameSuffix(w)) {
        name.suffix = StripDot(w);
      } else if (!IsTitle(w)) {
        words.push_back(std::move(w));
      }
    }
    FillGivenMiddle(words, &name);
    name.full = std::string(value);
    return name;
  }
  for (std::string& w : SplitSpaces(value)) {
    if (words.empty() && IsTitle(w)) continue;
    words.push_back(std::move(w));
  }
  if (words.size() >= 2 && IsNameSuffix(words.back())) {
    name.suffix = StripDot(words.back());
    words.pop_back();
  }
  if (words.size() >= 2) {
    name.family = words.back();
    words.pop_back();
  }
  FillGivenMiddle(words, &name);
  name.full = std::string(value);
  return name;
}

std::string DisplayName(const PersonName& name) {
  std::string out;
  for (const std::string* part : {&name.given, &name.middle, &name.family, &name.suffix}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

}  // namespace breachscope
