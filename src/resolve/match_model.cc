#include "resolve/match_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace breachscope {
namespace {

constexpr double kMinWeight = -12.0;
constexpr double kMaxWeight = 24.0;
// How far a name's own frequency may move its exact-agreement weight.
constexpr double kMaxFrequencyAdjustment = 5.0;

// Fills one field's probabilities from a list, level 0 (missing) left 0.
void Set(std::array<double, 8>* p, std::initializer_list<double> levels) {
  size_t i = 1;
  for (double v : levels) (*p)[i++] = v;
}

}  // namespace

MatchModel DefaultModel() {
  MatchModel model;
  auto& m = model.m;
  auto& u = model.u;
  //                 exact  nick   typo   sound  init   differs
  Set(&m[kGivenName], {0.86, 0.04, 0.04, 0.01, 0.02, 0.03});
  Set(&u[kGivenName], {0.01, 0.003, 0.005, 0.005, 0.03, 0.947});
  //                 exact  typo   sound  changed differs
  Set(&m[kFamilyName], {0.88, 0.06, 0.01, 0.02, 0.03});
  Set(&u[kFamilyName], {0.005, 0.003, 0.003, 0.0001, 0.9889});
  //                 exact  swap   typo   year   differs
  Set(&m[kBirthDate], {0.90, 0.02, 0.05, 0.01, 0.02});
  Set(&u[kBirthDate], {0.00005, 0.00005, 0.001, 0.002, 0.9969});
  Set(&m[kHealthNumberField], {0.95, 0.03, 0.02});
  Set(&u[kHealthNumberField], {0.000001, 0.00001, 0.999989});
  Set(&m[kRecordNumberField], {0.9, 0.02, 0.08});
  Set(&u[kRecordNumberField], {0.00001, 0.0001, 0.99989});
  Set(&m[kAddressField], {0.55, 0.15, 0.1, 0.2});
  Set(&u[kAddressField], {0.0005, 0.002, 0.001, 0.9965});
  Set(&m[kPostalCodeField], {0.8, 0.05, 0.15});
  Set(&u[kPostalCodeField], {0.002, 0.01, 0.988});
  Set(&m[kPhoneField], {0.7, 0.05, 0.25});
  Set(&u[kPhoneField], {0.0001, 0.0005, 0.9994});
  Set(&m[kEmailField], {0.7, 0.05, 0.25});
  Set(&u[kEmailField], {0.0001, 0.0005, 0.9994});
  Set(&m[kSexField], {0.97, 0.03});
  Set(&u[kSexField], {0.5, 0.5});
  model.lambda = 0.1;
  model.Finalize();
  return model;
}

void MatchModel::Finalize() {
  for (int f = 0; f < kFieldCount; ++f) {
    weight[f].fill(0.0);
    for (int level = 1; level < kLevelCount[f]; ++level) {
      double w = std::log2(std::max(m[f][level], 1e-9) / std::max(u[f][level], 1e-9));
      weight[f][level] = std::clamp(w, kMinWeight, kMaxWeight);
    }
  }
  // Different given names under one surname, birth date and address are
  // twins, siblings, parent and child: household fields agree for them, so
  // the given name must outweigh them all unless an identifier speaks.
  weight[kGivenName][kGivenDiffers] = std::min(weight[kGivenName][kGivenDiffers], -8.0);
  weight[kFamilyName][kFamilyDiffers] = std::min(weight[kFamilyName][kFamilyDiffers], -3.0);
  weight[kBirthDate][kDateDiffers] = std::min(weight[kBirthDate][kDateDiffers], -4.0);
  weight[kBirthDate][kDateYearOff] = std::min(weight[kBirthDate][kDateYearOff], -2.0);
  // Two numbers of one kind that differ are two people more often than a
  // mistake; EM on candidates that share a name tends to forget that.
  weight[kHealthNumberField][kIdDiffers] = std::min(weight[kHealthNumberField][kIdDiffers], -4.0);
  weight[kRecordNumberField][kIdDiffers] = std::min(weight[kRecordNumberField][kIdDiffers], -2.0);
  // A shared phonetic code alone is weak: short names collide often.
  weight[kGivenName][kGivenPhonetic] = std::min(weight[kGivenName][kGivenPhonetic], 4.0);
  weight[kFamilyName][kFamilyPhonetic] = std::min(weight[kFamilyName][kFamilyPhonetic], 4.0);
  // People move, change numbers and addresses: a difference weighs little.
  weight[kAddressField][kAddressDiffers] = std::max(weight[kAddressField][kAddressDiffers], -1.0);
  weight[kPostalCodeField][kIdDiffers] = std::max(weight[kPostalCodeField][kIdDiffers], -1.0);
  weight[kPhoneField][kContactDiffers] = std::max(weight[kPhoneField][kContactDiffers], -1.5);
  weight[kEmailField][kContactDiffers] = std::max(weight[kEmailField][kContactDiffers], -1.5);
  // A married name: the surname differs but says little against.
  weight[kFamilyName][kFamilyChanged] = std::clamp(weight[kFamilyName][kFamilyChanged], -2.0, 0.0);
  // Sex is miscoded often enough that it never decides alone.
  weight[kSexField][kSexDiffers] = std::max(weight[kSexField][kSexDiffers], -2.0);
  // A contact or home held by several people is weak evidence for any one
  // of them.
  constexpr double kMaxSharedWeight = 2.0;
  for (Field f : {kPhoneField, kEmailField}) {
    weight[f][kContactShared] =
        std::min({weight[f][kContactShared], weight[f][kContactExact] / 2, kMaxSharedWeight});
  }
  weight[kAddressField][kAddressShared] = std::min(
      {weight[kAddressField][kAddressShared], weight[kAddressField][kAddressSimilar] / 2, kMaxSharedWeight});
}

double MatchModel::NameWeight(Field field, const Comparison& c, const PreparedRecord& a,
                              const PreparedRecord& b) const {
  uint8_t level = c.Level(field);
  double w = weight[field][level];
  bool exact = field == kGivenName ? level == kGivenExact : level == kFamilyExact;
  if (!exact || c.name_a >= a.names.size() || c.name_b >= b.names.size()) return w;
  const PreparedName& x = a.names[c.name_a];
  const PreparedName& y = b.names[c.name_b];
  double frequency = field == kGivenName ? std::max(x.given_frequency, y.given_frequency)
                                         : std::max(x.family_frequency, y.family_frequency);
  if (frequency <= 0) return w;  // names swapped across fields: no single value
  double tf = std::log2(std::max(m[field][level], 1e-9) / frequency);
  return std::clamp(tf, w - kMaxFrequencyAdjustment, w + kMaxFrequencyAdjustment);
}

double MatchModel::Weight(const Comparison& c, const PreparedRecord& a, const PreparedRecord& b) const {
  double total = NameWeight(kGivenName, c, a, b) + NameWeight(kFamilyName, c, a, b);
  for (int f = kBirthDate; f < kFieldCount; ++f) total += weight[f][c.Level(static_cast<Field>(f))];
  return total;
}

std::string MatchModel::Explain(const Comparison& c, const PreparedRecord& a, const PreparedRecord& b) const {
  std::string out;
  for (int f = 0; f < kFieldCount; ++f) {
    Field field = static_cast<Field>(f);
    uint8_t level = c.Level(field);
    if (level == 0) continue;
    double w = f <= kFamilyName ? NameWeight(field, c, a, b) : weight[f][level];
    char buf[32];
    std::snprintf(buf, sizeof buf, " %+.1f", w);
    if (!out.empty()) out += "; ";
    out += std::string(FieldName(field)) + " " + std::string(LevelName(field, level)) + buf;
  }
  return out;
}

std::string MatchModel::Describe() const {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof buf, "matches among candidate pairs: %.4f\n", lambda);
  out += buf;
  for (int f = 0; f < kFieldCount; ++f) {
    Field field = static_cast<Field>(f);
    for (int level = 1; level < kLevelCount[f]; ++level) {
      std::snprintf(buf, sizeof buf, "%-14s %-42s m %.5f  u %.6f  weight %+.2f\n",
                    std::string(FieldName(field)).c_str(), std::string(LevelName(field, level)).c_str(),
                    m[f][level], u[f][level], weight[f][level]);
      out += buf;
    }
  }
  return out;
}

}  // namespace breachscope
