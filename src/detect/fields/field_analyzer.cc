#include "detect/fields/field_analyzer.h"

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "detect/context.h"
#include "detect/context_index.h"
#include "detect/fields/fhir_link.h"
#include "detect/fields/field_rules.h"
#include "detect/fields/label_match.h"
#include "detect/fields/record_state.h"
#include "detect/fields/value_evidence.h"
#include "detect/fields/value_shape.h"

namespace breachscope {
namespace {

enum class Via : uint8_t { kWords, kHl7, kPath };

// A rule a label matched, and how (components and resources are checked
// per unit: they depend on the path and the record, not the label).
struct Candidate {
  uint16_t rule;
  Via via;
  uint8_t first_component = 1;
  uint8_t last_component = 255;
  std::string_view matched;  // the word, field or path suffix, for the why
  // The explanation of a proposal by this candidate, made once per label
  // (LabelInfo) rather than per cell, where most values do not fit.
  std::string why;
  // A weak label word (FieldRule::weak): the value or its column must
  // confirm the category.
  bool weak = false;
};
using Candidates = std::vector<Candidate>;

// "0.85" for a rule's confidence, as `std::to_string(c).substr(0, 4)`
// has always written it (truncated, not rounded, after six decimals).
std::string ConfidenceText(double confidence) {
  return std::to_string(confidence).substr(0, 4);
}

// Words for phrase matching: the whole header for tables, the last two
// path segments for structured fields ("patient.firstName").
std::string WordsOf(std::string_view label, UnitKind kind) {
  if (kind == UnitKind::kField) {
    for (std::string_view tail : {"/@value", ".@value", "/#text", ".#text"}) {
      if (label.ends_with(tail)) label.remove_suffix(tail.size());
    }
    // Case is kept until FramedLabelWords has split camelCase words.
    size_t cut = label.find_last_of("./");
    if (cut != std::string_view::npos && cut > 0) {
      cut = label.find_last_of("./", cut - 1);
      if (cut != std::string_view::npos) label.remove_prefix(cut + 1);
    }
  }
  return FramedLabelWords(label);
}

bool Vetoed(std::string_view framed) {
  for (std::string_view word : VetoedLabelWords()) {
    if (HasPhrase(framed, word)) return true;
  }
  return false;
}

// The rule's first strong word in the label, else its first weak one.
void MatchWords(const FieldRule& rule, uint16_t index, std::string_view framed,
                Candidates* out) {
  std::string_view matched;
  bool weak = false;
  for (std::string_view word : rule.words) {
    if (HasPhrase(framed, word)) {
      matched = word;
      break;
    }
  }
  for (size_t w = 0; matched.empty() && w < rule.weak.size(); ++w) {
    if (HasPhrase(framed, rule.weak[w])) {
      matched = rule.weak[w];
      weak = true;
    }
  }
  if (matched.empty()) return;
  for (std::string_view veto : rule.unless) {
    if (HasPhrase(framed, veto)) return;
  }
  out->push_back({index, Via::kWords, 1, 255, matched, {}, weak});
}

Candidates MatchLabel(std::string_view label, UnitKind kind) {
  Candidates out;
  if (label.empty() || kind == UnitKind::kText) return out;
  std::span<const FieldRule> rules = FieldRules();
  if (IsHl7Label(label)) {
    for (uint16_t r = 0; r < rules.size(); ++r) {
      for (const Hl7Field& f : rules[r].hl7) {
        if (label.size() == f.field.size() && LabelIsHl7Field(label, f.field)) {
          out.push_back({r, Via::kHl7, f.first_component, f.last_component,
                         f.field, {}});
        }
      }
    }
    return out;
  }
  std::string dotted = kind == UnitKind::kField ? DottedLabel(label) : "";
  std::string framed = WordsOf(label, kind);
  bool vetoed = Vetoed(framed);
  for (uint16_t r = 0; r < rules.size(); ++r) {
    for (std::string_view suffix : rules[r].paths) {
      if (!dotted.empty() && PathEndsWith(dotted, suffix)) {
        out.push_back({r, Via::kPath, 1, 255, suffix, {}});
        break;
      }
    }
    if (!vetoed) MatchWords(rules[r], r, framed, &out);
  }
  return out;
}

// Everything the analyzer takes from a label alone, worked out once per
// distinct label: its candidates with their explanations, and the province
// a health number under it belongs to.
struct LabelInfo {
  Candidates candidates;
  std::string_view jurisdiction;  // JurisdictionIn(FramedLabelWords(label))
};

LabelInfo MakeLabelInfo(std::string_view label, UnitKind kind) {
  LabelInfo info{MatchLabel(label, kind), {}};
  std::span<const FieldRule> rules = FieldRules();
  for (Candidate& c : info.candidates) {
    const FieldRule& rule = rules[c.rule];
    c.why = "field rule " + std::string(rule.detector) + ": " +
            (c.via != Via::kWords ? "field '"
             : c.weak             ? "weak label word '"
                                  : "label word '") +
            std::string(c.matched) + "' " +
            (c.weak ? "confirmed by the value " : "") +
            ConfidenceText(rule.confidence);
  }
  info.jurisdiction = JurisdictionIn(FramedLabelWords(label));
  return info;
}

class FieldScratch : public AnalyzerScratch {
 public:
  // Labels repeat (a column's row after row, a field's message after
  // message): the label's memo slot (LabelMemoSlot) is checked before the
  // map.
  const LabelInfo& Get(std::string_view label, UnitKind kind, int32_t column) {
    const size_t slot = LabelMemoSlot(label, column);
    if (memos_.size() <= slot) memos_.resize(slot + 1);
    Memo* memo = &memos_[slot];
    if (memo->info != nullptr && memo->kind == kind && memo->label == label) {
      return *memo->info;
    }
    key_.assign(1, static_cast<char>(kind));
    key_.append(label);
    auto it = cache_.find(key_);
    if (it == cache_.end()) {
      if (cache_.size() >= kMaxEntries) {
        spare_ = MakeLabelInfo(label, kind);  // odd input: do not grow further
        return spare_;  // not memoised: spare_ changes on the next miss
      }
      it = cache_.emplace(key_, MakeLabelInfo(label, kind)).first;
    }
    memo->kind = kind;  // map nodes never move; the map is never cleared
    memo->label.assign(label);
    memo->info = &it->second;
    return it->second;
  }

  // "column class CATEGORY 0.85", in a buffer reused from cell to cell.
  std::string_view ColumnWhy(std::string_view column_category,
                             double confidence) {
    if (confidence != last_confidence_ || confidence_text_.empty()) {
      confidence_text_ = ConfidenceText(confidence);
      last_confidence_ = confidence;
    }
    why_.assign("column class ").append(column_category).push_back(' ');
    why_.append(confidence_text_);
    return why_;
  }

  RecordState record;
  ValueEvidence evidence;

  void ForgetRecord() override { record.Forget(); }

 private:
  static constexpr size_t kMaxEntries = 4096;
  struct Memo {
    UnitKind kind = UnitKind::kText;
    std::string label;
    const LabelInfo* info = nullptr;  // a node of cache_
  };
  std::map<std::string, LabelInfo, std::less<>> cache_;
  std::vector<Memo> memos_;  // by LabelMemoSlot
  std::string key_;
  LabelInfo spare_;
  std::string why_;
  std::string confidence_text_;
  double last_confidence_ = 0.0;
};

bool Covered(std::span<const PriorFinding> prior, std::string_view category,
             Span span) {
  for (const PriorFinding& p : prior) {
    if (p.category == category && p.start <= span.start && p.end >= span.end) {
      return true;
    }
  }
  return false;
}

// A weak label claims a value only with evidence: in a table column with a
// class, that class (its sample's values confirmed the label or named
// another category, column_profile.h); elsewhere, and in a column the
// sample left without a class (too few values, or too few that confirm),
// the value itself (value_evidence.h).
bool WeakLabelHolds(const FieldRule& rule, const TextUnit& unit,
                    std::string_view value, const std::string_view* column,
                    std::span<const PriorFinding> prior,
                    ValueEvidence& evidence) {
  if (column != nullptr && !column->empty()) return *column == rule.category;
  if (!FitsShape(rule.shape, value, rule.min_chars)) return false;
  return evidence.Confirms(rule.category, unit, value, prior);
}

bool Applies(const FieldRule& rule, const Candidate& c, const TextUnit& unit,
             std::string_view resource) {
  if (c.via == Via::kHl7) {
    int component = Hl7Component(unit.path);
    return component >= c.first_component && component <= c.last_component;
  }
  if (c.via != Via::kPath || rule.resources.empty()) return true;
  for (std::string_view r : rule.resources) {
    if (r == resource) return true;
  }
  return false;
}

// What a proposal is made of before the value is known to fit.
struct Choice {
  const FieldRule* rule = nullptr;
  std::string_view category;  // rule's, unless record state overrides
  std::string_view detector;
  std::string_view jurisdiction;
  Role role = Role::kUnknown;
  double confidence = 0.0;
  std::string_view why;  // copied into the finding only if one is proposed
};

class FieldAnalyzerImpl : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override;
  std::unique_ptr<AnalyzerScratch> NewScratch() const override {
    return std::make_unique<FieldScratch>();
  }
  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const override {
    Run(unit, nullptr, prior, scratch, out);
  }
  void AnalyzeCell(const TextUnit& unit, std::string_view column_category,
                   std::span<const PriorFinding> prior,
                   AnalyzerScratch* scratch,
                   std::vector<ProposedFinding>* out) const override {
    Run(unit, &column_category, prior, scratch, out);
  }

 private:
  // `column_category` is null when the unit has no classified column.
  void Run(const TextUnit& unit, const std::string_view* column_category,
           std::span<const PriorFinding> prior, AnalyzerScratch* scratch,
           std::vector<ProposedFinding>* out) const;
  bool Propose(const TextUnit& unit, Span span, const Choice& choice,
               std::span<const PriorFinding> prior,
               std::vector<ProposedFinding>* out) const;
};

std::vector<DetectorInfo> FieldAnalyzerImpl::Describe() const {
  std::vector<DetectorInfo> infos;
  auto add = [&](const FieldRule& rule) {
    for (const DetectorInfo& i : infos) {
      if (i.id == rule.detector) return;
    }
    infos.push_back({std::string(rule.detector), std::string(rule.category),
                     "labelled field whose whole value is a " +
                         std::string(rule.category)});
  };
  for (const FieldRule& rule : FieldRules()) add(rule);
  add(*ColumnRule("date_of_birth"));
  return infos;
}

bool FieldAnalyzerImpl::Propose(const TextUnit& unit, Span span,
                                const Choice& choice,
                                std::span<const PriorFinding> prior,
                                std::vector<ProposedFinding>* out) const {
  std::string_view value =
      unit.text.substr(span.start, span.end - span.start);
  if (!FitsShape(choice.rule->shape, value, choice.rule->min_chars)) {
    return false;
  }
  // Claimed already, by a pattern finding of the same category: done.
  if (Covered(prior, choice.category, span)) return true;
  ProposedFinding& f = out->emplace_back();
  f.start = span.start;
  f.end = span.end;
  f.detector = choice.detector;
  f.category = choice.category;
  f.normalized = NormalizeFieldValue(choice.category, value,
                                     choice.jurisdiction);
  f.confidence = choice.confidence;
  f.explanation.assign(choice.why);
  f.role = choice.role;
  return true;
}

void FieldAnalyzerImpl::Run(const TextUnit& unit,
                            const std::string_view* column,
                            std::span<const PriorFinding> prior,
                            AnalyzerScratch* base,
                            std::vector<ProposedFinding>* out) const {
  if (unit.kind == UnitKind::kText || base == nullptr) return;
  auto& scratch = static_cast<FieldScratch&>(*base);
  if (unit.kind == UnitKind::kField) {
    scratch.record.Observe(unit);
    // A FHIR id or patient reference is a record link (fhir_link.h), kept
    // beside whatever else the value may be.
    ProposeFhirLink(unit, scratch.record.resource(), out);
  }
  Span span = TrimmedSpan(unit.text);
  std::string_view value =
      unit.text.substr(span.start, span.end - span.start);
  if (value.empty() || IsPlaceholder(value)) return;
  RecordVerdict verdict;
  if (unit.kind == UnitKind::kField && scratch.record.Classify(unit, &verdict)) {
    // The record's context decides: the category's own rule gives the shape.
    const FieldRule* rule = ColumnRule(verdict.category);
    Choice choice{rule, verdict.category, rule->detector,
                  verdict.jurisdiction, verdict.role, verdict.confidence,
                  verdict.why};
    if (Propose(unit, span, choice, prior, out)) return;
  }
  const std::string_view resource = scratch.record.resource();
  const LabelInfo& label = scratch.Get(unit.label, unit.kind, unit.column);
  for (const Candidate& c : label.candidates) {
    const FieldRule& rule = FieldRules()[c.rule];
    if (!Applies(rule, c, unit, resource)) continue;
    if (c.weak &&
        !WeakLabelHolds(rule, unit, value, column, prior, scratch.evidence)) {
      continue;
    }
    Choice choice{&rule, rule.category, rule.detector, {}, rule.role,
                  rule.confidence, c.why};
    if (rule.category == "health_insurance_number") {
      choice.jurisdiction = label.jurisdiction;
    }
    if (Propose(unit, span, choice, prior, out)) return;
  }
  if (column == nullptr || column->empty()) return;
  const std::string_view column_category = *column;
  const FieldRule* rule = ColumnRule(column_category);
  if (rule == nullptr) return;
  Choice choice{rule, rule->category, rule->detector, {}, Role::kUnknown,
                rule->confidence,
                scratch.ColumnWhy(column_category, rule->confidence)};
  if (rule->category == "health_insurance_number") {
    choice.jurisdiction = label.jurisdiction;
  }
  Propose(unit, span, choice, prior, out);
}

}  // namespace

const UnitAnalyzer& FieldAnalyzer() {
  static const auto* const kAnalyzer = new FieldAnalyzerImpl();
  return *kAnalyzer;
}

std::string_view LabelCategory(std::string_view label, UnitKind kind) {
  for (const Candidate& c : MatchLabel(label, kind)) {
    if (c.via != Via::kPath && !c.weak) return FieldRules()[c.rule].category;
  }
  return {};
}

std::vector<std::string_view> WeakLabelCategories(std::string_view label,
                                                  UnitKind kind) {
  std::vector<std::string_view> out;
  for (const Candidate& c : MatchLabel(label, kind)) {
    if (c.via == Via::kWords && c.weak) {
      out.push_back(FieldRules()[c.rule].category);
    }
  }
  return out;
}

}  // namespace breachscope
