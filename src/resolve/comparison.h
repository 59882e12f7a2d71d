// Comparison of two prepared records, field by field, into agreement
// levels: the comparison vector a Fellegi-Sunter model weighs.
//
// Level 0 of every field is "missing" (one side has no value; weight 0).
// When records carry several names, the pair of names that agrees best is
// compared. Pure functions; thread-safe (the nickname table is immutable).
#ifndef BREACHSCOPE_RESOLVE_COMPARISON_H_
#define BREACHSCOPE_RESOLVE_COMPARISON_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "resolve/prepared_record.h"

namespace breachscope {

enum Field : uint8_t {
  kGivenName,
  kFamilyName,
  kBirthDate,
  kHealthNumberField,
  kRecordNumberField,
  kAddressField,
  kPostalCodeField,
  kPhoneField,
  kEmailField,
  kSexField,
  kFieldCount,
};

// Agreement levels, per field; 0 is always missing.
enum GivenLevel : uint8_t { kGivenMissing, kGivenExact, kGivenNickname, kGivenFuzzy, kGivenPhonetic,
                            kGivenInitial, kGivenDiffers, kGivenLevels };
enum FamilyLevel : uint8_t { kFamilyMissing, kFamilyExact, kFamilyFuzzy, kFamilyPhonetic,
                             kFamilyChanged, kFamilyDiffers, kFamilyLevels };
enum DateLevel : uint8_t { kDateMissing, kDateExact, kDateSwapped, kDateTypo, kDateYearOff,
                           kDateDiffers, kDateLevels };
// Identifiers (health, record numbers), postal codes.
enum IdLevel : uint8_t { kIdMissing, kIdExact, kIdTypo, kIdDiffers, kIdLevels };
// "shared": the address agrees but is home to several different people.
enum AddressLevel : uint8_t { kAddressMissing, kAddressExact, kAddressSimilar, kAddressShared,
                              kAddressDiffers, kAddressLevels };
// Phones and e-mails: "shared" when the value is held by several people.
enum ContactLevel : uint8_t { kContactMissing, kContactExact, kContactShared, kContactDiffers,
                              kContactLevels };
enum SexLevel : uint8_t { kSexMissing, kSexSame, kSexDiffers, kSexLevels };

constexpr std::array<uint8_t, kFieldCount> kLevelCount = {
    kGivenLevels, kFamilyLevels, kDateLevels, kIdLevels, kIdLevels,
    kAddressLevels, kIdLevels, kContactLevels, kContactLevels, kSexLevels};

std::string_view FieldName(Field field);
std::string_view LevelName(Field field, uint8_t level);

// Levels of all fields packed 3 bits each, and which names were compared
// (for the term-frequency adjustment of the chosen names).
struct Comparison {
  uint32_t levels = 0;
  uint8_t name_a = 0;
  uint8_t name_b = 0;
  // The names agree but are borne by two people of different ages, and the
  // birth dates do not say which one this is.
  bool namesakes = false;

  uint8_t Level(Field f) const { return (levels >> (3 * f)) & 7; }
  void SetLevel(Field f, uint8_t level) {
    levels = (levels & ~(7u << (3 * f))) | (uint32_t{level} << (3 * f));
  }
};

Comparison Compare(const PreparedRecord& a, const PreparedRecord& b);

// Whether the comparison carries evidence about the person rather than the
// household: an exact health or record number; or compatible given names
// (exact, nickname, typo, sound, initial) with family names that do not
// differ, unless both only sound alike; or, when one side has no given name, agreeing family names and
// birth dates; or different given names with the same family name, the
// same birth date and health numbers one typo apart (a check digit makes a
// one-digit difference between two people's valid numbers impossible, and
// two valid numbers of one jurisdiction never merge anyway). Names borne by
// a father and son count only with agreeing birth dates. Without it a pair
// is never linked automatically, only reviewed:
// twins, siblings and a nameless record at a family's address agree on
// everything else.
// Records that share no birth date and no identifier link automatically
// only through a contact of their own (HasOwnContact): on names alone, or
// on a home or line several people share, a father and his namesake son are
// one person.
bool HasPersonalEvidence(const Comparison& c);

// A phone, e-mail or home address agrees and no one else is seen with it
// (record_statistics.h marks the shared ones).
bool HasOwnContact(const Comparison& c);

// The single-field comparators, exposed for tests.
GivenLevel CompareGiven(const PreparedName& a, const PreparedName& b);
FamilyLevel CompareFamily(const PreparedName& a, const PreparedName& b);
DateLevel CompareDate(const Date& a, const Date& b);
IdLevel CompareId(std::string_view a, std::string_view b);
// Addresses by their sorted word hashes: exact, or two thirds of the
// shorter one's words in common ("apt 4 12 main st" / "12 main st").
AddressLevel CompareAddress(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_COMPARISON_H_
