// Parsing of body measurements as the height and weight detectors' triggers
// match them. Pure functions; thread-safe.
#ifndef BREACHSCOPE_DETECT_MEDICAL_MEASURES_H_
#define BREACHSCOPE_DETECT_MEDICAL_MEASURES_H_

#include <optional>
#include <string>
#include <string_view>

namespace breachscope::medical {

// Height in centimetres: "172 cm", "1.72 m", "5'8\"", "5' 8''", "5 ft 8 in",
// "68 in"; a bare number is centimetres, or metres when it has a decimal
// part and is at most 2.5 ("1.72"). nullopt when the text is none of these.
std::optional<double> ParseHeightCm(std::string_view text);

// Weight in kilograms: "70 kg", "154 lb", "154 lbs", "200 pounds",
// "72,5 kg"; a bare number is kilograms.
std::optional<double> ParseWeightKg(std::string_view text);

// "172.7 cm": rounded to one decimal, ".0" left out.
std::string FormatMetric(double value, std::string_view unit);

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_MEASURES_H_
