// Which part of a postal address a finding holds, and assembling the parts
// of one address into one line.
//
// Tables, HL7 (XAD: street, other, city, province, postal code), FHIR
// (`address.line`, `.city`, `.state`, `.postalCode`) and XML write an
// address in parts; the person-record keeps it as one line
// "street, city, PR A1A 1A1" so that two records compare whole addresses.
// Pure functions; thread-safe.
#ifndef BREACHSCOPE_SUBJECTS_ADDRESS_PARTS_H_
#define BREACHSCOPE_SUBJECTS_ADDRESS_PARTS_H_

#include <string>
#include <string_view>

#include "common/finding.h"

namespace breachscope {

enum class AddressPart { kLine, kStreet, kCity, kProvince, kPostalCode };

// kLine: a whole address found in free text or under a plain "Address"
// label that already holds city or postal code (it has a comma).
AddressPart AddressPartOf(const Finding& finding);

struct AddressParts {
  std::string street;
  std::string city;
  std::string province;
  std::string postal_code;

  bool empty() const {
    return street.empty() && city.empty() && province.empty() && postal_code.empty();
  }
  // "15-6852 Prairie Blvd NW, Regina, SK S9Y 6B3", skipping absent parts.
  std::string Line() const;
};

// True when `value` is a two-letter code of a Canadian province or
// territory ("SK", "qc").
bool IsProvinceCode(std::string_view value);

// The postal code "S9Y6B3" / "s9y 6b3" as "S9Y 6B3"; other text unchanged.
std::string NormalizePostalCode(std::string_view value);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_ADDRESS_PARTS_H_
