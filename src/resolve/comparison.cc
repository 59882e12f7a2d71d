#include "resolve/comparison.h"

#include <algorithm>
#include <cstdlib>

#include "resolve/nicknames.h"
#include "resolve/string_similarity.h"

namespace breachscope {
namespace {

// Names this close are one name mistyped ("Jonathon" / "Jonathan").
constexpr double kFuzzyName = 0.92;
// Identifiers shorter than this never count as "one typo" apart: too many
// different short numbers are one edit from each other.
constexpr size_t kMinTypoLength = 4;
// Records with many names compare only the first few of each.
constexpr size_t kMaxNames = 4;

// One edit, or Jaro-Winkler close with at most two edits ("Susan" /
// "Susanne"); a long shared prefix alone ("Darla" / "Darletta") is not a typo.
bool CloseSpelling(std::string_view a, std::string_view b) {
  int edits = EditDistance(a, b, 2);
  if (edits <= 1 && std::min(a.size(), b.size()) >= 4) return true;
  return edits <= 2 && JaroWinkler(a, b) >= kFuzzyName;
}

// Compound surnames written in part: "Medina Sentosa" / "Sentosa".
bool ShareFamilyWord(const PreparedName& a, const PreparedName& b) {
  for (uint32_t x : a.family_words) {
    if (std::binary_search(b.family_words.begin(), b.family_words.end(), x)) return true;
  }
  return false;
}

// "Robbie", "Danny", "Eddie": a doubled consonant and -ie/-y added to a
// short form the list knows ("rob" of "robert"). Only a doubled consonant
// counts, so "Marie" is no diminutive of "Mark".
bool DiminutiveOf(const std::string& diminutive, const std::string& name) {
  size_t n = diminutive.size();
  size_t suffix = n >= 2 && diminutive.compare(n - 2, 2, "ie") == 0 ? 2 : n >= 1 && diminutive[n - 1] == 'y' ? 1 : 0;
  if (suffix == 0 || n < suffix + 3) return false;
  size_t end = n - suffix;  // the doubled consonant ends here
  if (diminutive[end - 1] != diminutive[end - 2]) return false;
  std::string stem = diminutive.substr(0, end - 1);
  return stem == name || Nicknames::Default().Related(stem, name);
}

// Levels of names whose given and family parts were swapped by one side.
void SwappedNames(const PreparedName& x, const PreparedName& y, uint8_t* given, uint8_t* family) {
  if (x.given.empty() || y.given.empty() || x.family.empty() || y.family.empty()) return;
  bool given_exact = x.given == y.family, family_exact = x.family == y.given;
  if ((given_exact || CloseSpelling(x.given, y.family)) && (family_exact || CloseSpelling(x.family, y.given))) {
    *given = given_exact ? kGivenExact : kGivenFuzzy;
    *family = family_exact ? kFamilyExact : kFamilyFuzzy;
  }
}

// Quality order of a name comparison for choosing among several names;
// missing sits between agreement and disagreement.
// "19781211" against "19781221": one substitution or adjacent transposition.
bool DigitsWithinOneEdit(const Date& a, const Date& b) {
  auto digits = [](const Date& d, char* out) {
    int v[3] = {d.year, d.month, d.day}, width[3] = {4, 2, 2};
    for (int p = 0, k = 0; p < 3; ++p) {
      for (int i = width[p] - 1; i >= 0; --i, v[p] /= 10) out[k + i] = static_cast<char>('0' + v[p] % 10);
      k += width[p];
    }
  };
  char x[8], y[8];
  digits(a, x);
  digits(b, y);
  int first = -1, differences = 0;
  for (int i = 0; i < 8; ++i) {
    if (x[i] == y[i]) continue;
    if (++differences == 1) first = i;
  }
  if (differences <= 1) return true;
  return differences == 2 && first < 7 && x[first] == y[first + 1] && x[first + 1] == y[first] &&
         x[first] != x[first + 1];
}

int NameRank(uint8_t given, uint8_t family) {
  auto q = [](uint8_t level, uint8_t differs) { return level == 0 ? differs / 2 : level; };
  return q(given, kGivenDiffers) + q(family, kFamilyDiffers);
}

void CompareNames(const PreparedRecord& a, const PreparedRecord& b, Comparison* out) {
  int best_rank = 1 << 20;
  uint8_t best_given = kGivenMissing, best_family = kFamilyMissing;
  for (size_t i = 0; i < a.names.size() && i < kMaxNames; ++i) {
    for (size_t j = 0; j < b.names.size() && j < kMaxNames; ++j) {
      const PreparedName& x = a.names[i];
      const PreparedName& y = b.names[j];
      uint8_t given = CompareGiven(x, y), family = CompareFamily(x, y);
      // Given and family written the other way round ("Shaw Daniella").
      if (given == kGivenDiffers && family == kFamilyDiffers) SwappedNames(x, y, &given, &family);
      int rank = NameRank(given, family);
      if (rank < best_rank) {
        best_rank = rank;
        best_given = given;
        best_family = family;
        out->name_a = static_cast<uint8_t>(i);
        out->name_b = static_cast<uint8_t>(j);
      }
    }
  }
  out->SetLevel(kGivenName, best_given);
  out->SetLevel(kFamilyName, best_family);
}

template <typename Values, typename Cmp>
uint8_t BestLevel(const Values& a, const Values& b, Cmp compare) {
  uint8_t best = 0;
  for (size_t i = 0; i < a.size() && i < 8; ++i) {
    for (size_t j = 0; j < b.size() && j < 8; ++j) {
      uint8_t level = compare(a[i], b[j]);
      if (best == 0 || (level != 0 && level < best)) best = level;
    }
  }
  return best;
}

uint8_t CompareHealthNumbers(const PreparedRecord& a, const PreparedRecord& b) {
  return BestLevel(a.health_numbers, b.health_numbers, [](const PreparedId& x, const PreparedId& y) {
    bool comparable = x.jurisdiction.empty() || y.jurisdiction.empty() || x.jurisdiction == y.jurisdiction;
    return comparable ? static_cast<uint8_t>(CompareId(x.number, y.number)) : uint8_t{kIdMissing};
  });
}

// Record numbers compare only under one label ("mrn:..." with "mrn:...").
uint8_t CompareRecordNumbers(const PreparedRecord& a, const PreparedRecord& b) {
  return BestLevel(a.record_numbers, b.record_numbers, [](const std::string& x, const std::string& y) {
    size_t cx = x.find(':'), cy = y.find(':');
    if (x.compare(0, cx, y, 0, cy) != 0) return uint8_t{kIdMissing};
    return x == y ? uint8_t{kIdExact} : uint8_t{kIdDiffers};
  });
}

// A phone written without its area code (seven digits) matches on the last
// seven digits.
bool SamePhone(uint64_t x, uint64_t y) {
  constexpr uint64_t kLocal = 10000000;
  if (x == y) return true;
  if (x < kLocal || y < kLocal) return x % kLocal == y % kLocal;
  return false;
}

uint8_t CompareContacts(const std::vector<uint64_t>& a, uint8_t a_shared, const std::vector<uint64_t>& b,
                        uint8_t b_shared,
                        bool phones) {
  if (a.empty() || b.empty()) return kContactMissing;
  uint8_t best = kContactDiffers;
  for (size_t i = 0; i < a.size() && i < 8; ++i) {
    for (size_t j = 0; j < b.size() && j < 8; ++j) {
      if (phones ? !SamePhone(a[i], b[j]) : a[i] != b[j]) continue;
      bool shared = ((a_shared >> i) & 1) || ((b_shared >> j) & 1);
      best = std::min<uint8_t>(best, shared ? kContactShared : kContactExact);
    }
  }
  return best;
}

uint8_t CompareAddresses(const PreparedRecord& a, const PreparedRecord& b) {
  if (a.address_words.empty() || b.address_words.empty()) return kAddressMissing;
  uint8_t best = kAddressDiffers;
  for (size_t i = 0; i < a.address_words.size() && i < 8; ++i) {
    for (size_t j = 0; j < b.address_words.size() && j < 8; ++j) {
      uint8_t level = CompareAddress(a.address_words[i], b.address_words[j]);
      if (level == kAddressDiffers) continue;
      bool shared = ((a.address_shared >> i) & 1) || ((b.address_shared >> j) & 1);
      best = std::min<uint8_t>(best, shared ? uint8_t{kAddressShared} : level);
    }
  }
  return best;
}

// A married or changed surname: given name and birth date agree exactly and
// something else ties the two (the same home, phone, e-mail or number).
// Without that tie, two women of one given name born on one day are too
// common in a large data set to call it a name change.
void MarkSurnameChange(Comparison* c) {
  uint8_t given = c->Level(kGivenName);
  if (c->Level(kFamilyName) != kFamilyDiffers || c->Level(kBirthDate) != kDateExact) return;
  if (given != kGivenExact && given != kGivenNickname && given != kGivenFuzzy) return;
  uint8_t address = c->Level(kAddressField);
  bool tied = address == kAddressExact || address == kAddressSimilar || c->Level(kPostalCodeField) == kIdExact ||
              c->Level(kPhoneField) == kContactExact || c->Level(kEmailField) == kContactExact ||
              c->Level(kHealthNumberField) == kIdExact || c->Level(kRecordNumberField) == kIdExact;
  if (tied) c->SetLevel(kFamilyName, kFamilyChanged);
}

}  // namespace

bool HasOwnContact(const Comparison& c) {
  uint8_t address = c.Level(kAddressField);
  return c.Level(kPhoneField) == kContactExact || c.Level(kEmailField) == kContactExact ||
         address == kAddressExact || address == kAddressSimilar;
}

bool HasPersonalEvidence(const Comparison& c) {
  if (c.Level(kHealthNumberField) == kIdExact || c.Level(kRecordNumberField) == kIdExact) return true;
  if (c.namesakes) return false;
  uint8_t given = c.Level(kGivenName), family = c.Level(kFamilyName), dob = c.Level(kBirthDate);
  bool family_agrees = family == kFamilyExact || family == kFamilyFuzzy || family == kFamilyPhonetic;
  bool dob_agrees = dob == kDateExact || dob == kDateSwapped || dob == kDateTypo;
  // No birth date and no identifier in common: the names and a shared home
  // or family line are all a father and his namesake son, or two siblings of
  // near names, have in common too. Only a contact nobody else is seen with
  // (a phone, an e-mail, a home not shared by several people) ties the two.
  if (!dob_agrees && !HasOwnContact(c)) return false;
  // A given name replaced by another (a data-entry slip) with the same
  // surname, birth date and a health number one typo away.
  if (given == kGivenDiffers) {
    return family_agrees && dob == kDateExact && c.Level(kHealthNumberField) == kIdTypo;
  }
  // Names that only sound alike on both sides ("Abou Bells" / "Aabha
  // Beel") are two people as often as one.
  if (given == kGivenPhonetic && (family == kFamilyPhonetic || family == kFamilyMissing)) return false;
  // Of different sex, with given names that agree only loosely (Pat for a
  // Patrick and a Patricia, an initial, a sound, none): twins, a brother and
  // a sister. Sex alone is too often miscoded to part exact names.
  bool loose_given = given != kGivenExact && given != kGivenFuzzy;
  if (c.Level(kSexField) == kSexDiffers && loose_given) return false;
  // An e-mail or phone of their own and one birth date: the same person,
  // whatever is missing or misspelt of the names (a married name, a record
  // with no name at all).
  bool own_line = c.Level(kEmailField) == kContactExact || c.Level(kPhoneField) == kContactExact;
  if (own_line && dob_agrees) return true;
  if (given != kGivenMissing) return family != kFamilyDiffers;
  // No given name on one side: the surname and the birth date must agree.
  return family_agrees && dob_agrees;
}

GivenLevel CompareGiven(const PreparedName& a, const PreparedName& b) {
  if (a.given.empty() || b.given.empty()) return kGivenMissing;
  if (a.given == b.given) return kGivenExact;
  if (a.given.size() == 1 || b.given.size() == 1) {
    return a.given[0] == b.given[0] ? kGivenInitial : kGivenDiffers;
  }
  if (Nicknames::Related(a.given, a.given_nicknames, b.given, b.given_nicknames)) return kGivenNickname;
  if (DiminutiveOf(a.given, b.given) || DiminutiveOf(b.given, a.given)) return kGivenNickname;
  if (CloseSpelling(a.given, b.given)) return kGivenFuzzy;
  if (a.given_code == b.given_code) return kGivenPhonetic;
  return kGivenDiffers;
}

FamilyLevel CompareFamily(const PreparedName& a, const PreparedName& b) {
  if (a.family.empty() || b.family.empty()) return kFamilyMissing;
  if (a.family == b.family) return kFamilyExact;
  if (CloseSpelling(a.family, b.family) || ShareFamilyWord(a, b)) return kFamilyFuzzy;
  if (a.family_code == b.family_code) return kFamilyPhonetic;
  return kFamilyDiffers;
}

DateLevel CompareDate(const Date& a, const Date& b) {
  if (a.year == 0 || b.year == 0) return kDateMissing;
  if (a == b) return kDateExact;
  if (a.year == b.year && a.month == b.day && a.day == b.month) return kDateSwapped;
  // One digit apart, but a decade or more: a father and son (Jr/Sr) far
  // more often than a slip of the pen.
  if (DigitsWithinOneEdit(a, b)) return std::abs(a.year - b.year) >= 10 ? kDateYearOff : kDateTypo;
  if (a.month == b.month && a.day == b.day) return kDateYearOff;
  return kDateDiffers;
}

IdLevel CompareId(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return kIdMissing;
  if (a == b) return kIdExact;
  if (std::min(a.size(), b.size()) >= kMinTypoLength && EditDistance(a, b, 1) <= 1) return kIdTypo;
  return kIdDiffers;
}

AddressLevel CompareAddress(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return kAddressMissing;
  if (a == b) return kAddressExact;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else {
      a[i] < b[j] ? ++i : ++j;
    }
  }
  size_t smaller = std::min(a.size(), b.size());
  return common * 3 >= smaller * 2 ? kAddressSimilar : kAddressDiffers;
}

Comparison Compare(const PreparedRecord& a, const PreparedRecord& b) {
  Comparison c;
  CompareNames(a, b, &c);
  c.SetLevel(kBirthDate, BestLevel(a.dobs, b.dobs, [](const Date& x, const Date& y) {
               return static_cast<uint8_t>(CompareDate(x, y));
             }));
  c.SetLevel(kHealthNumberField, CompareHealthNumbers(a, b));
  c.SetLevel(kRecordNumberField, CompareRecordNumbers(a, b));
  uint8_t address = CompareAddresses(a, b);
  c.SetLevel(kAddressField, address);
  // An agreeing address already holds the postal code: counting both would
  // weigh one fact twice.
  if (address == kAddressMissing || address == kAddressDiffers) {
    c.SetLevel(kPostalCodeField, BestLevel(a.postal_codes, b.postal_codes, [](const std::string& x, const std::string& y) {
                 return static_cast<uint8_t>(CompareId(x, y));
               }));
  }
  c.SetLevel(kPhoneField, CompareContacts(a.phones, a.phone_shared, b.phones, b.phone_shared, true));
  c.SetLevel(kEmailField, CompareContacts(a.emails, a.email_shared, b.emails, b.email_shared, false));
  if (a.sex && b.sex) c.SetLevel(kSexField, a.sex == b.sex ? kSexSame : kSexDiffers);
  MarkSurnameChange(&c);
  if (c.name_a < a.names.size() && c.name_b < b.names.size() && a.names[c.name_a].namesake &&
      b.names[c.name_b].namesake) {
    uint8_t dob = c.Level(kBirthDate);
    c.namesakes = dob != kDateExact && dob != kDateSwapped && dob != kDateTypo;
  }
  return c;
}

std::string_view FieldName(Field field) {
  static constexpr std::string_view kNames[] = {"given name", "family name", "birth date", "health number",
                                                "record number", "address", "postal code", "phone",
                                                "e-mail", "sex"};
  return kNames[field];
}

std::string_view LevelName(Field field, uint8_t level) {
  static constexpr std::string_view kGiven[] = {"missing", "exact", "nickname", "typo", "sounds alike",
                                                "initial", "differs"};
  static constexpr std::string_view kFamily[] = {"missing", "exact", "typo or part", "sounds alike",
                                                 "changed (given name and birth date agree)", "differs"};
  static constexpr std::string_view kDate[] = {"missing", "exact", "day/month swapped", "one typo",
                                               "year differs", "differs"};
  static constexpr std::string_view kId[] = {"missing", "exact", "one typo", "differs"};
  static constexpr std::string_view kAddress[] = {"missing", "exact", "similar", "home to several people",
                                                  "differs"};
  static constexpr std::string_view kContact[] = {"missing", "exact", "shared by several people", "differs"};
  static constexpr std::string_view kSex[] = {"missing", "same", "differs"};
  switch (field) {
    case kGivenName: return kGiven[level];
    case kFamilyName: return kFamily[level];
    case kBirthDate: return kDate[level];
    case kAddressField: return kAddress[level];
    case kPhoneField:
    case kEmailField: return kContact[level];
    case kSexField: return kSex[level];
    default: return kId[level];
  }
}

}  // namespace breachscope
