// DetectorSpec: a detector declared as data.
//
// A detector is a list of prefilter triggers (Vectorscan expressions with a
// base confidence), the context words of each category it can emit, a pure
// validator and the examples it must and must not match. The engine compiles
// every trigger of every registered detector into one database and does all
// scoring in one place (scoring.h), so adding a detector means writing one
// spec and one validator, never touching the engine.
//
// Specs are immutable, built once (function-local statics that are never
// destroyed) and safe to share between threads.
#ifndef BREACHSCOPE_DETECT_DETECTOR_SPEC_H_
#define BREACHSCOPE_DETECT_DETECTOR_SPEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/text_unit.h"

namespace breachscope {

// What a trigger needs beyond the detector's own requires_context flag.
enum class TriggerNeeds : uint8_t {
  kDefault,  // whatever the detector says
  kContext,  // a label or nearby context word (bare 10-digit phone)
  kLabel,    // a matching label; nearby words are not enough (19750314)
};

struct Trigger {
  std::string_view name;     // shown in explanations: "phone_formatted"
  std::string_view pattern;  // Vectorscan expression, matched bytewise
  bool caseless = false;     // compile with HS_FLAG_CASELESS
  double confidence = 0.5;   // base confidence of a candidate
  TriggerNeeds needs = TriggerNeeds::kDefault;
  // Bytes that may not directly precede a match, on top of letters and
  // digits (an email's local part cut short by "//" of a URL).
  std::string_view not_after;
  // An ISO time ("T10:30") may follow right after the match.
  bool time_may_follow = false;
  // Longest match worth reporting, for patterns with unbounded repeats
  // (Vectorscan knows the width of bounded ones). Longer matches are cut at
  // their start and fail the boundary check.
  uint32_t max_length = 0;
};

// The context that supports one category. Words are compared against the
// normalised label (substring) and the 40 bytes before the candidate (whole
// words); label_fields (HL7 "PID-7") only against the raw label, as given.
struct ContextSet {
  std::string_view category;
  std::vector<std::string_view> words;
  std::vector<std::string_view> label_fields;
};

enum class Verdict : uint8_t { kReject, kPlausible, kConfirmed };

// A validator's answer about one candidate. `note` is static text for the
// explanation ("luhn ok"); it never contains the candidate.
struct Validation {
  Verdict verdict = Verdict::kReject;
  std::string normalized;
  std::string_view category_override;  // empty: decided by context/default
  std::string_view note;
};

// Pure: same text, same answer; no state, no I/O, no exceptions.
using Validator = Validation (*)(std::string_view candidate);

// One must-match or must-not-match case for the generic examples test.
struct DetectorExample {
  std::string_view text;
  std::string_view label;   // empty: free text
  UnitKind kind = UnitKind::kText;
  bool must_match = true;
  std::string_view category;    // expected when must_match
  std::string_view normalized;  // expected when must_match
};

struct DetectorSpec {
  std::string_view id;
  std::string_view category;  // emitted when context does not choose one
  std::string_view description;
  std::vector<Trigger> triggers;
  std::vector<ContextSet> contexts;
  bool requires_context = false;
  // Words that, among the 40 bytes before a candidate, say it is not about
  // a person ("Shipping box weight 12 kg"): such a candidate is dropped,
  // whatever its context. Lower case, whole words.
  std::vector<std::string_view> counter_words;
  Validator validate = nullptr;
  std::vector<DetectorExample> examples;
};

// Shorthands for examples, to keep detector files readable. A labelled
// example is a table cell; Field* examples are structured fields (JSON path,
// HL7 field).
inline DetectorExample Match(std::string_view text, std::string_view label,
                             std::string_view category,
                             std::string_view normalized) {
  UnitKind kind = label.empty() ? UnitKind::kText : UnitKind::kTableCell;
  return {text, label, kind, true, category, normalized};
}
inline DetectorExample FieldMatch(std::string_view text,
                                  std::string_view label,
                                  std::string_view category,
                                  std::string_view normalized) {
  return {text, label, UnitKind::kField, true, category, normalized};
}
inline DetectorExample NoMatch(std::string_view text,
                               std::string_view label = {}) {
  UnitKind kind = label.empty() ? UnitKind::kText : UnitKind::kTableCell;
  return {text, label, kind, false, {}, {}};
}
inline DetectorExample FieldNoMatch(std::string_view text,
                                    std::string_view label) {
  return {text, label, UnitKind::kField, false, {}, {}};
}

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_DETECTOR_SPEC_H_
