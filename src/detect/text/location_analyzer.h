// LocationTextAnalyzer: names of clinics, laboratories and hospitals in
// free text (service_location), found by their structure, not a list.
//
// English names end in a facility word: capitalised words, then Clinic,
// Centre, Center, Hospital, Laboratory, Lab, Pharmacy or "Lab Services"
// ("Regina Wellness Clinic", "RIVERSIDE MEDICAL CENTRE"), optionally with a
// site after a dash ("Wascana Family Clinic - East"). French names start
// with one: Clinique, Hôpital, Centre, Laboratoire, Pharmacie, CLSC, then
// adjectives and connectors up to a capitalised word ("Clinique médicale
// Wascana", "Hôpital Saint-Paul"). A name counts only where a place is
// expected: after "at", "to", "from", "in", "à" or "au", or as a line of
// its own (a letterhead or header). The detector id is `location_text`.
// Immutable and thread-safe.
#ifndef BREACHSCOPE_DETECT_TEXT_LOCATION_ANALYZER_H_
#define BREACHSCOPE_DETECT_TEXT_LOCATION_ANALYZER_H_

#include "detect/unit_analyzer.h"

namespace breachscope {

// Static, never destroyed.
const UnitAnalyzer& LocationTextAnalyzerInstance();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_TEXT_LOCATION_ANALYZER_H_
