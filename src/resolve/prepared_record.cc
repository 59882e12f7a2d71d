#include "resolve/prepared_record.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "resolve/nicknames.h"
#include "resolve/nysiis.h"
#include "resolve/text_fold.h"

namespace breachscope {
namespace {

bool IsSuffix(std::string_view word) {
  return word == "jr" || word == "sr" || word == "ii" || word == "iii" || word == "iv";
}

// Removes a generational suffix from the end of `words` into `suffix`.
// "i" counts only after another word ("Morris I"), never alone.
void TakeSuffix(std::vector<std::string>* words, std::string* suffix) {
  while (!words->empty()) {
    const std::string& last = words->back();
    bool roman_one = last == "i" && words->size() > 1;
    if (!IsSuffix(last) && !roman_one) break;
    if (suffix->empty()) *suffix = last;
    words->pop_back();
  }
}

std::string Join(const std::vector<std::string>& words, size_t from) {
  std::string out;
  for (size_t i = from; i < words.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += words[i];
  }
  return out;
}

std::string Compact(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += w;
  return out;
}

PreparedName PrepareName(const PersonName& raw) {
  PersonName name = raw;
  if (name.given.empty() && name.family.empty()) name = ParseFullName(raw.full);
  PreparedName out;
  out.suffix = FoldCompact(name.suffix);
  std::vector<std::string> given = SplitWords(FoldText(name.given));
  std::vector<std::string> family = SplitWords(FoldText(name.family));
  TakeSuffix(&family, &out.suffix);
  TakeSuffix(&given, &out.suffix);
  if (!given.empty()) out.given = given[0];
  out.family = Compact(family);
  for (const std::string& word : family) {
    if (word.size() >= 3) out.family_words.push_back(static_cast<uint32_t>(std::hash<std::string>{}(word)));
  }
  std::sort(out.family_words.begin(), out.family_words.end());
  out.given_nicknames = Nicknames::Default().Find(out.given);
  out.given_code = PhoneticCode(Nysiis(out.given));
  out.family_code = PhoneticCode(Nysiis(out.family));
  return out;
}

std::string UpperAlnum(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::toupper(c)));
  }
  return out;
}

std::string PhoneDigits(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  // E.164 "+1 306 555 0100" and a local "306-555-0100" are one number.
  if (digits.size() > 10) digits.erase(0, digits.size() - 10);
  return digits;
}

std::string LowerTrim(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

template <typename T>
void SortUnique(std::vector<T>* values) {
  std::sort(values->begin(), values->end());
  values->erase(std::unique(values->begin(), values->end()), values->end());
  std::erase(*values, T());
}

}  // namespace

PersonName ParseFullName(std::string_view full) {
  PersonName name;
  name.full = std::string(full);
  if (full.find('^') != std::string_view::npos) {  // HL7 XPN: family^given^middle^suffix
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      size_t end = full.find('^', start);
      parts.emplace_back(full.substr(start, end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    parts.resize(std::max<size_t>(parts.size(), 4));
    name.family = parts[0];
    name.given = parts[1];
    name.middle = parts[2];
    name.suffix = parts[3];
    return name;
  }
  size_t comma = full.find(',');
  if (comma != std::string_view::npos) {  // "Smith, John Q"
    name.family = std::string(full.substr(0, comma));
    name.given = std::string(full.substr(comma + 1));
    return name;
  }
  std::vector<std::string> words = SplitWords(FoldText(full));
  TakeSuffix(&words, &name.suffix);
  if (words.empty()) return name;
  name.family = words.back();
  words.pop_back();
  if (!words.empty()) name.given = words[0];
  name.middle = Join(words, 1);
  return name;
}

Date ParseIsoDate(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
  int parts[3] = {0, 0, 0};
  size_t offsets[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t i = 0; i < lengths[p]; ++i) {
      char c = iso[offsets[p] + i];
      if (c < '0' || c > '9') return {};
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31) return {};
  return Date{static_cast<int16_t>(parts[0]), static_cast<int8_t>(parts[1]), static_cast<int8_t>(parts[2])};
}

PreparedRecord PrepareRecord(const PersonRecord& record) {
  PreparedRecord out;
  for (const PersonName& name : record.names) {
    PreparedName prepared = PrepareName(name);
    if (!prepared.given.empty() || !prepared.family.empty()) out.names.push_back(std::move(prepared));
  }
  for (const std::string& dob : record.dates_of_birth) {
    Date date = ParseIsoDate(dob);
    if (date.year != 0 && std::find(out.dobs.begin(), out.dobs.end(), date) == out.dobs.end()) {
      out.dobs.push_back(date);
    }
  }
  for (const HealthNumber& hn : record.health_numbers) {
    PreparedId id{UpperAlnum(hn.jurisdiction), UpperAlnum(hn.number), hn.check_digit_valid};
    if (!id.number.empty()) out.health_numbers.push_back(std::move(id));
  }
  for (const std::string& v : record.record_numbers) out.record_numbers.push_back(LowerTrim(v));
  for (const std::string& v : record.emails) {
    std::string email = LowerTrim(v);
    if (!email.empty()) out.emails.push_back(std::hash<std::string>{}(email));
  }
  for (const std::string& v : record.phones) {
    std::string digits = PhoneDigits(v);
    if (digits.size() >= 7) out.phones.push_back(std::stoull(digits));
  }
  for (const std::string& v : record.postal_codes) out.postal_codes.push_back(UpperAlnum(v));
  std::vector<std::string> addresses;
  for (const std::string& v : record.addresses) addresses.push_back(FoldText(v));
  SortUnique(&out.record_numbers);
  SortUnique(&out.emails);
  SortUnique(&out.phones);
  SortUnique(&out.postal_codes);
  SortUnique(&addresses);
  for (const std::string& address : addresses) {
    out.addresses.push_back(std::hash<std::string>{}(address));
    std::vector<uint32_t> words;
    for (const std::string& w : SplitWords(address)) {
      words.push_back(static_cast<uint32_t>(std::hash<std::string>{}(w)));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    out.address_words.push_back(std::move(words));
  }
  if (!record.sex.empty()) {
    char s = static_cast<char>(std::toupper(static_cast<unsigned char>(record.sex[0])));
    if (s == 'F' || s == 'M') out.sex = s;
  }
  return out;
}

}  // namespace breachscope
