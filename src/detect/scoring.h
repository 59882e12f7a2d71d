// Scoring: the one place where a candidate's confidence, category and
// explanation are decided.
//
// Steps, each recorded in the explanation:
//   1. the trigger's base confidence ("trigger phone_formatted 0.70");
//   2. the validator's verdict: reject drops, confirmed adds kConfirmedBoost;
//   3. context: a label match adds kLabelBoost, else a nearby word adds
//      kNearbyBoost; detectors or triggers that need context (or a label)
//      drop candidates without it;
//   4. the category: validator override, else the context that matched
//      (the label counts as nearest, then the nearest word), else the
//      detector's default;
//   5. findings below DetectOptions::min_confidence are dropped.
// Pure functions; thread-safe.
#ifndef BREACHSCOPE_DETECT_SCORING_H_
#define BREACHSCOPE_DETECT_SCORING_H_

#include <span>
#include <string>
#include <string_view>

#include "detect/detector_spec.h"

namespace breachscope {

inline constexpr double kConfirmedBoost = 0.05;
inline constexpr double kLabelBoost = 0.20;
inline constexpr double kNearbyBoost = 0.10;
inline constexpr double kMaxConfidence = 0.99;

// The context found for one of a detector's ContextSets.
struct SetEvidence {
  std::string_view label_word;   // context word / HL7 field the label matched
  std::string_view nearby_word;  // nearest context word before the candidate
  int nearby_end = -1;           // its end in the window; larger is nearer
};

// The context that decides: index into the detector's contexts, or -1.
struct ContextHit {
  int set = -1;
  bool from_label = false;
  std::string_view word;
};

// Label beats nearby words; among nearby words the nearest wins; ties go to
// the set declared first.
ContextHit ChooseContext(std::span<const SetEvidence> evidence);

struct ScoreInput {
  const DetectorSpec* spec = nullptr;
  const Trigger* trigger = nullptr;
  const Validation* validation = nullptr;
  ContextHit context;
  double min_confidence = 0.5;
};

struct Score {
  bool keep = false;
  double confidence = 0.0;
  std::string_view category;
  std::string explanation;  // never contains the candidate text
};

Score ScoreCandidate(const ScoreInput& in);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_SCORING_H_
