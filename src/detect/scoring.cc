#include "detect/scoring.h"

#include <algorithm>

namespace breachscope {
namespace {

// "0.85": two decimals without printf, which showed in profiles.
std::string FormatScore(double value) {
  int hundredths = static_cast<int>(value * 100 + 0.5);
  std::string out = std::to_string(hundredths / 100) + ".";
  out.push_back(static_cast<char>('0' + hundredths / 10 % 10));
  out.push_back(static_cast<char>('0' + hundredths % 10));
  return out;
}

// Appends "; <step>" (or "<step>" first) to the explanation.
void AddStep(std::string* explanation, std::string_view step) {
  if (!explanation->empty()) explanation->append("; ");
  explanation->append(step);
}

bool NeedsContext(const DetectorSpec& spec, const Trigger& trigger) {
  return spec.requires_context || trigger.needs != TriggerNeeds::kDefault;
}

// The category a finding is reported under.
std::string_view PickCategory(const ScoreInput& in) {
  if (!in.validation->category_override.empty()) {
    return in.validation->category_override;
  }
  if (in.context.set >= 0) return in.spec->contexts[in.context.set].category;
  return in.spec->category;
}

// Applies the context step; false when missing context drops the candidate.
bool ApplyContext(const ScoreInput& in, double* confidence,
                  std::string* explanation) {
  const ContextHit& hit = in.context;
  if (hit.set < 0) {
    return !NeedsContext(*in.spec, *in.trigger);
  }
  if (!hit.from_label && in.trigger->needs == TriggerNeeds::kLabel) {
    return false;
  }
  double boost = hit.from_label ? kLabelBoost : kNearbyBoost;
  *confidence += boost;
  AddStep(explanation, std::string(hit.from_label ? "label '" : "nearby '") +
                           std::string(hit.word) + "' +" + FormatScore(boost));
  return true;
}

}  // namespace

ContextHit ChooseContext(std::span<const SetEvidence> evidence) {
  ContextHit best;
  int best_end = -1;
  for (size_t i = 0; i < evidence.size(); ++i) {
    const SetEvidence& e = evidence[i];
    if (!e.label_word.empty()) {
      return {static_cast<int>(i), true, e.label_word};
    }
    if (e.nearby_end > best_end) {
      best_end = e.nearby_end;
      best = {static_cast<int>(i), false, e.nearby_word};
    }
  }
  return best;
}

Score ScoreCandidate(const ScoreInput& in) {
  Score score;
  const Validation& v = *in.validation;
  if (v.verdict == Verdict::kReject) return score;
  double confidence = in.trigger->confidence;
  score.explanation = "trigger " + std::string(in.trigger->name) + " " +
                      FormatScore(confidence);
  if (v.verdict == Verdict::kConfirmed) {
    confidence += kConfirmedBoost;
    AddStep(&score.explanation,
            std::string(v.note) + " +" + FormatScore(kConfirmedBoost));
  } else if (!v.note.empty()) {
    AddStep(&score.explanation, v.note);
  }
  if (!ApplyContext(in, &confidence, &score.explanation)) return Score{};
  confidence = std::clamp(confidence, 0.0, kMaxConfidence);
  score.explanation += " => " + FormatScore(confidence);
  score.confidence = confidence;
  score.category = PickCategory(in);
  score.keep = confidence >= in.min_confidence;
  return score;
}

}  // namespace breachscope
