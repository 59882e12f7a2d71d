// Mailing addresses and jurisdiction of residence, from what resolve kept.
//
// An individual's address reaches us as one line assembled from the parts
// the detectors found ("15-6852 Prairie Boulevard NW, Regina, SK S9Y 6B3").
// A mail house needs it split, and each regime applies by where the person
// lives, so both are derived here. A line without a street and a valid postal
// code is not usable for mail: the person goes to the substitute-notice list.
#ifndef BREACHSCOPE_REPORT_NOTICE_MAILING_ADDRESS_H_
#define BREACHSCOPE_REPORT_NOTICE_MAILING_ADDRESS_H_

#include <optional>
#include <string>
#include <string_view>

#include "report/notice/report_model.h"

namespace breachscope {

// Splits one address line; nullopt when it lacks a street, or a postal code
// (Canadian A1A 1A1 or US 12345[-6789]) consistent with its region.
std::optional<MailingAddress> ParseMailingAddress(std::string_view line);

// Two-letter province/territory of a Canadian postal code by its first
// letter(s) ("S4P 3Y2" -> "SK", "X0A 0H0" -> "NU"), "" when invalid.
std::string ProvinceOfPostalCode(std::string_view postal_code);

// The person's jurisdiction: "SK", "QC", "US-ND"; from the first usable
// address, else the first health number's jurisdiction, else "".
std::string JurisdictionOf(const AffectedPerson& person);

// True when the street is written the French way ("120 rue Principale",
// "45 chemin du Lac"): a street type French uses and English does not. A
// francophone outside Québec is written to in French too.
bool WrittenInFrench(const MailingAddress& address);

// The country part of a jurisdiction: "CA" for provinces, "US", "" unknown.
std::string CountryOf(std::string_view jurisdiction);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_MAILING_ADDRESS_H_
