#include "app/table_sampler.h"

#include "app/detect_batcher.h"
#include "app/unit_detection.h"

#include <set>
#include <utility>

#include "detect/date_order.h"
#include "detect/learned_shape_rule.h"
#include "detect/fields/column_profile.h"
#include "detect/fields/field_analyzer.h"
#include "detect/validators/dates.h"

namespace breachscope {
namespace {

const std::string_view kNoClass;

// Trimmed length of a cell, to tell a whole-value finding from a word in it.
size_t TrimmedSize(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return 0;
  size_t end = text.find_last_not_of(" \t\r\n");
  return end - start + 1;
}

// A headerless column is named only by values a validator vouched for: nine
// or ten digits that merely have a health number's length are as likely an
// invoice or account number ("format only" is the shape-only verdict's note).
bool FormatOnly(const Finding& f) {
  return f.explanation.find("format only") != std::string::npos;
}

// True when a column with this header is classified by the header alone
// (rule 1 of fields/column_profile.h), whatever its values.
bool HeaderDecides(std::string_view header) {
  return !header.empty() &&
         !LabelCategory(header, UnitKind::kTableCell).empty();
}

}  // namespace

TableSampler::TableSampler(const DetectorEngine& engine,
                           DetectorEngine::Scratch& scratch,
                           std::vector<Finding>* findings)
    : engine_(engine), scratch_(scratch), findings_(findings) {
  // Candidates serve only the promotion by learned record number shapes,
  // which a --detectors selection may leave out.
  collect_candidates_ = RunsLearnedShapes(engine_);
}

void TableSampler::Detect(const TextUnit& unit,
                          const std::string_view* column_category) {
  if (batcher_ != nullptr) {
    batcher_->Detect(unit, column_category);
    return;
  }
  DetectUnit(engine_, collect_candidates_, unit, column_category, scratch_,
             findings_, &candidates_);
}

void TableSampler::OnUnit(const TextUnit& unit) {
  if (unit.kind != UnitKind::kTableCell) {
    FlushSample();
    Detect(unit, nullptr);
    return;
  }
  if (sampling_ && unit.table == sample_table_ && unit.record < kSampleRows &&
      arena_.size() < kSampleBytes) {
    Hold(unit);
    return;
  }
  FlushSample();
  if (const Classes* classes = FindClasses(unit.table)) {
    ScanClassified(unit, *classes);
    return;
  }
  if (classes_.size() >= kMaxClassifiedTables || unit.record >= kSampleRows) {
    Detect(unit, nullptr);
    return;
  }
  sampling_ = true;
  sample_table_.assign(unit.table);
  Hold(unit);
}

// Every cell asks for its table's classes; cells of one table come in a
// run, so the last table's answer is checked before the map.
const TableSampler::Classes* TableSampler::FindClasses(std::string_view table) {
  if (last_classes_ != nullptr && last_table_ == table) return last_classes_;
  auto it = classes_.find(table);
  if (it == classes_.end()) return nullptr;
  last_table_.assign(table);
  last_classes_ = &it->second;  // map nodes stay put; none is erased
  return last_classes_;
}

void TableSampler::Finish() {
  FlushSample();
  ResolveDateOrder(findings_);
}

void TableSampler::Hold(const TextUnit& unit) {
  Held held{unit, arena_.size(), unit.text.size(), 0, 0, 0, 0};
  arena_.append(unit.text);
  held.label = arena_.size();
  held.label_size = unit.label.size();
  arena_.append(unit.label);
  held.path = arena_.size();
  held.path_size = unit.path.size();
  arena_.append(unit.path);
  held.unit.text = held.unit.label = held.unit.path = {};
  held.unit.table = {};  // always sample_table_
  held_.push_back(held);
}

TextUnit TableSampler::Rebuild(const Held& held) const {
  std::string_view arena(arena_);
  TextUnit unit = held.unit;
  unit.text = arena.substr(held.text, held.text_size);
  unit.label = arena.substr(held.label, held.label_size);
  unit.path = arena.substr(held.path, held.path_size);
  unit.table = sample_table_;
  return unit;
}

void TableSampler::FlushSample() {
  if (!sampling_) return;
  Classes classes = Classify();
  for (const Held& held : held_) ScanClassified(Rebuild(held), classes);
  classes_.emplace(sample_table_, std::move(classes));
  sampling_ = false;
  held_.clear();
  arena_.clear();
  if (arena_.capacity() > kSampleBytes * 2) arena_.shrink_to_fit();
}

TableSampler::Classes TableSampler::Classify() {
  std::set<std::string, std::less<>> patterns;
  for (const DetectorInfo& info : engine_.detectors()) {
    if (!info.analyzer) patterns.insert(info.id);
  }
  std::vector<ColumnEvidence> columns;
  std::vector<char> decided;  // by column: HeaderDecides(its header)
  std::span<const ProbeLabel> probes = ProbeLabels();
  for (const Held& held : held_) {
    TextUnit unit = Rebuild(held);
    if (unit.column < 0 || unit.column >= kMaxClassifiedColumns) continue;
    size_t size = TrimmedSize(unit.text);
    if (size == 0) continue;
    if (columns.size() <= static_cast<size_t>(unit.column)) {
      columns.resize(unit.column + 1);
      decided.resize(unit.column + 1);
    }
    ColumnEvidence& column = columns[unit.column];
    if (column.values == 0) {
      column.header.assign(unit.label);
      decided[unit.column] = HeaderDecides(column.header);
    }
    ++column.values;
    // The header's rule comes first (ClassifyColumn): what the values
    // show cannot change the class, so they are not scanned for it.
    if (decided[unit.column]) continue;
    probe_findings_.clear();
    engine_.ScanUnit(unit, scratch_, &probe_findings_);
    std::set<std::string_view> seen;
    for (const Finding& f : probe_findings_) {
      if (2 * f.value.size() >= size && seen.insert(f.category).second) {
        column.CountFound(f.category);
      }
    }
    if (!unit.label.empty()) continue;
    // Headerless: what would the pattern detectors say with a label?
    column.probe_hits.resize(probes.size());
    for (size_t p = 0; p < probes.size(); ++p) {
      TextUnit probe = unit;
      probe.label = probes[p].label;
      probe_findings_.clear();
      // Only pattern findings count here, so the analyzers need not run.
      engine_.ScanPatterns(probe, scratch_, &probe_findings_);
      for (const Finding& f : probe_findings_) {
        if (f.category != probes[p].category || !patterns.contains(f.detector) ||
            2 * f.value.size() < size || FormatOnly(f)) {
          continue;
        }
        ++column.probe_hits[p];
        if (auto date = ParseDate(f.value); date && f.category ==
                                                        "date_of_birth") {
          column.min_year = std::min(column.min_year, date->date.year);
          column.max_year = std::max(column.max_year, date->date.year);
        }
        break;
      }
    }
  }
  Classes classes(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    classes[c] = ClassifyColumn(columns[c]);
  }
  return classes;
}

void TableSampler::ScanClassified(const TextUnit& unit,
                                  const Classes& classes) {
  std::string_view category = kNoClass;
  if (unit.column >= 0 && static_cast<size_t>(unit.column) < classes.size()) {
    category = classes[unit.column];
  }
  Detect(unit, &category);
}

}  // namespace breachscope
