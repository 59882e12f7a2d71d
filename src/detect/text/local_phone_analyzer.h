// LocalPhoneAnalyzer: phone numbers of other countries written the local
// way, with the trunk prefix 0 and no country code ("01 42 68 53 00" in
// France, "020 7946 0958" in the UK), in free text that says which country
// it is about.
//
// Such digits carry no country of their own and look like order or account
// numbers, so a number counts only when three things hold:
//   - a phone word stands among the 40 bytes before it (tel, téléphone,
//     phone, mobile, portable, fax, call...);
//   - the same unit names a country, in English or French, or a large city
//     of it ("Paris", "France", "London", "United Kingdom", "UK");
//   - libphonenumber finds the number valid for that country's region.
// North American numbers never start with 0, so phone_nanp and this never
// claim the same digits; spans a pattern detector already found are left
// alone. The detector id is `phone_local`; normalised as E.164. Immutable
// and thread-safe.
#ifndef BREACHSCOPE_DETECT_TEXT_LOCAL_PHONE_ANALYZER_H_
#define BREACHSCOPE_DETECT_TEXT_LOCAL_PHONE_ANALYZER_H_

#include <optional>
#include <string>
#include <string_view>

#include "detect/unit_analyzer.h"

namespace breachscope {

// Static, never destroyed.
const UnitAnalyzer& LocalPhoneAnalyzerInstance();

namespace text {

// The region codes ("FR", "GB") whose country `text` names, in the order
// they are first named; at most a few. Exposed for tests.
std::string CountryHints(std::string_view text);

// E.164 of a local number `digits_and_separators` valid for `region`.
std::optional<std::string> LocalToE164(std::string_view number,
                                       std::string_view region);

}  // namespace text
}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_TEXT_LOCAL_PHONE_ANALYZER_H_
