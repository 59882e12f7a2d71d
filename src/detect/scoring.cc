#include "detect/scoring.h"

#include <algorithm>

namespace breachscope {
namespace {

// Appends "0.85": two decimals without printf, which showed in profiles.
void AppendScore(double value, std::string* out) {
  int hundredths = static_cast<int>(value * 100 + 0.5);
  char digits[16];
  int n = 0;
  for (int whole = hundredths / 100; n == 0 || whole > 0; whole /= 10) {
    digits[n++] = static_cast<char>('0' + whole % 10);
  }
  while (n > 0) out->push_back(digits[--n]);
  out->push_back('.');
  out->push_back(static_cast<char>('0' + hundredths / 10 % 10));
  out->push_back(static_cast<char>('0' + hundredths % 10));
}

// Appends "; " between steps.
void NextStep(std::string* explanation) {
  if (!explanation->empty()) explanation->append("; ");
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

// False when missing context drops the candidate.
bool ContextAllows(const ScoreInput& in) {
  const ContextHit& hit = in.context;
  if (hit.set < 0) return !NeedsContext(*in.spec, *in.trigger);
  return hit.from_label || in.trigger->needs != TriggerNeeds::kLabel;
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

// Decides before it explains: most candidates that lack required context
// are dropped, and their explanation would be built for nothing. The
// explanation is appended into one reserved buffer instead of a chain of
// temporaries, since it is built for every finding.
Score ScoreCandidate(const ScoreInput& in) {
  Score score;
  const Validation& v = *in.validation;
  if (v.verdict == Verdict::kReject || !ContextAllows(in)) return score;
  const ContextHit& hit = in.context;
  std::string& why = score.explanation;
  why.reserve(64 + in.trigger->name.size() + v.note.size() + hit.word.size());
  double confidence = in.trigger->confidence;
  why.append("trigger ").append(in.trigger->name).push_back(' ');
  AppendScore(confidence, &why);
  if (v.verdict == Verdict::kConfirmed) {
    confidence += kConfirmedBoost;
    NextStep(&why);
    why.append(v.note).append(" +");
    AppendScore(kConfirmedBoost, &why);
  } else if (!v.note.empty()) {
    NextStep(&why);
    why.append(v.note);
  }
  if (hit.set >= 0) {
    double boost = hit.from_label ? kLabelBoost : kNearbyBoost;
    confidence += boost;
    NextStep(&why);
    why.append(hit.from_label ? "label '" : "nearby '")
        .append(hit.word)
        .append("' +");
    AppendScore(boost, &why);
  }
  confidence = std::clamp(confidence, 0.0, kMaxConfidence);
  why.append(" => ");
  AppendScore(confidence, &why);
  score.confidence = confidence;
  score.category = PickCategory(in);
  score.keep = confidence >= in.min_confidence;
  return score;
}

}  // namespace breachscope
