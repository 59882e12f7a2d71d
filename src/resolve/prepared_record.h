// PreparedRecord: a PersonRecord folded once into the forms the blocking
// keys and comparators use (folded names with phonetic codes, parsed birth
// dates, digits-only phones), so no comparison re-normalises anything.
// Built by PrepareRecord(); plain data, read-only once built.
#ifndef BREACHSCOPE_RESOLVE_PREPARED_RECORD_H_
#define BREACHSCOPE_RESOLVE_PREPARED_RECORD_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "resolve/nicknames.h"
#include "resolve/person_record.h"

namespace breachscope {

struct Date {
  int16_t year = 0;
  int8_t month = 0;
  int8_t day = 0;
  bool operator==(const Date&) const = default;
};

// A NYSIIS code (six letters at most) kept inline: at a million records two
// more strings a name cost more than the codes themselves.
class PhoneticCode {
 public:
  PhoneticCode() = default;
  explicit PhoneticCode(std::string_view code) : size_(static_cast<uint8_t>(std::min<size_t>(code.size(), 7))) {
    std::copy_n(code.data(), size_, chars_.data());
  }
  std::string_view view() const { return {chars_.data(), size_}; }
  bool empty() const { return size_ == 0; }
  bool operator==(const PhoneticCode&) const = default;
  bool operator<(const PhoneticCode& o) const { return view() < o.view(); }

 private:
  std::array<char, 7> chars_{};
  uint8_t size_ = 0;
};

struct PreparedName {
  std::string given;        // first given word, folded: "jean"
  std::string family;       // folded, compact: "cotetremblay"
  // Hashes of the family name's words of three letters or more ("cote",
  // "tremblay"), sorted: compound surnames written in part still meet.
  std::vector<uint32_t> family_words;
  std::string suffix;       // "jr", "sr", "ii", "iii", "iv"
  const Nicknames::Entry* given_nicknames = nullptr;  // Nicknames::Find(given)
  PhoneticCode given_code;   // NYSIIS of given
  PhoneticCode family_code;  // NYSIIS of family
  // Share of records carrying this given / family name (term frequency),
  // filled by AddRecordStatistics(); 0 until then.
  float given_frequency = 0;
  float family_frequency = 0;
  // This given and family name is borne by at least two people whose birth
  // dates cannot be one (a father and son, Jr and Sr): filled by
  // AddRecordStatistics().
  bool namesake = false;
};

struct PreparedId {
  std::string jurisdiction;  // "" when unknown
  std::string number;        // upper-case letters and digits
  bool valid = false;        // a check digit holds
  // One number: validity is a property of the number, not its identity.
  bool operator==(const PreparedId& o) const { return jurisdiction == o.jurisdiction && number == o.number; }
};

struct PreparedRecord {
  std::vector<PreparedName> names;
  std::vector<Date> dobs;
  std::vector<PreparedId> health_numbers;
  std::vector<std::string> record_numbers;  // "<label>:<value>", folded
  // Contacts are only ever compared for equality, so they are kept as
  // numbers: 8 bytes instead of a string each, at a million records.
  std::vector<uint64_t> emails;             // hash of the lower-case address
  std::vector<uint64_t> phones;             // the last ten digits (or seven) as a number
  std::vector<std::string> postal_codes;    // upper-case letters and digits
  // Per distinct folded address: its hash, and its words hashed and sorted
  // (the comparator counts common words without allocating).
  std::vector<uint64_t> addresses;
  std::vector<std::vector<uint32_t>> address_words;
  // Bit i set when phones[i] / emails[i] / addresses[i] (i < 8) is held by
  // records of several different given names (a household line, a family
  // mailbox, a family home); filled by AddRecordStatistics().
  uint8_t phone_shared = 0;
  uint8_t email_shared = 0;
  uint8_t address_shared = 0;
  char sex = 0;                             // 'F', 'M' or 0
};

PreparedRecord PrepareRecord(const PersonRecord& record);

// Splits a name written in one string ("SMITH^JOHN^Q", "Smith, John Q",
// "John Q. Smith Jr") into its parts.
PersonName ParseFullName(std::string_view full);

// "1978-12-11" -> {1978, 12, 11}; an invalid date gives year 0.
Date ParseIsoDate(std::string_view iso);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_PREPARED_RECORD_H_
