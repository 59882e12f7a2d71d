// What the health_number_* detectors share: the context words that say
// "health card" without naming a province, the "JJ:number" normal form, and
// a store for example texts built at start-up.
#ifndef BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_COMMON_H_
#define BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_COMMON_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace breachscope {

inline constexpr std::string_view kHealthCategory = "health_insurance_number";

// Words that mark a health insurance number of any province. Detectors whose
// check digit pins the province (ON, BC, QC) accept them; detectors without a
// check digit need a word naming their own province, and the generic
// health_number_ca detector takes the rest.
inline std::vector<std::string_view> GenericHealthWords() {
  return {"health card",      "healthcard",        "health number",
          "health no",        "health insurance",  "health care number",
          "healthcare number", "hcn",              "carte santé",
          "carte sante",      "assurance maladie", "health card number"};
}

// Words of provinces whose numbers have no check digit (SK's `HSN`,
// Manitoba's `PHIN`). Clinics write their own province's word for every
// card, so a number under them that a check digit or structure pins to
// ON, BC or QC is that province's card (an Ontario visitor's number in a Saskatchewan letter).
inline std::vector<std::string_view> OtherProvinceWords() {
  return {"hsn", "health services number", "phin", "ahcip"};
}

// `first` followed by `rest`: province words, then the generic ones.
inline std::vector<std::string_view> Concat(std::vector<std::string_view> first,
                                            const std::vector<std::string_view>& rest) {
  first.insert(first.end(), rest.begin(), rest.end());
  return first;
}

// "ON:1234567897".
inline std::string HealthNormalized(std::string_view jurisdiction,
                                    std::string_view number) {
  std::string out(jurisdiction);
  out.push_back(':');
  out.append(number);
  return out;
}

// Keeps example texts assembled at start-up alive for the (never destroyed)
// specs that view them. Call only while building a spec.
inline std::string_view KeepText(std::string text) {
  static auto* const kTexts = new std::deque<std::string>();
  return kTexts->emplace_back(std::move(text));
}

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTORS_HEALTH_NUMBER_COMMON_H_
