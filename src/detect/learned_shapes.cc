#include "detect/learned_shapes.h"

#include <functional>
#include <map>
#include <utility>

namespace breachscope {
namespace {

constexpr std::string_view kMrn = "medical_record_number";
constexpr std::string_view kPatient = "patient_number";

std::string UpperTrimmed(std::string_view text) {
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(" \t\r\n");
  std::string out(text.substr(start, end - start + 1));
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

std::string Majority(const std::map<std::string, uint64_t>& categories) {
  std::string best;
  uint64_t most = 0;
  for (const auto& [category, count] : categories) {
    if (count > most) best = category, most = count;
  }
  return best;
}

}  // namespace

bool LabelledForLearning(const Finding& finding) {
  if (finding.category != kMrn && finding.category != kPatient) return false;
  if (finding.detector == kLearnedShapeDetector) return false;
  if (finding.location.kind == UnitKind::kText) return false;
  // Field rules and column classes decide by label; a pattern finding in a
  // labelled unit may still have scored on a nearby word of a notes cell.
  return finding.detector != "medical_record_number" ||
         finding.explanation.find("label '") != std::string::npos;
}

void ShapeLearner::Add(std::string_view source, const Finding& finding) {
  if (source != run_source_ || finding.category != run_category_) {
    EndRun();
    run_source_.assign(source);
    run_category_ = finding.category;
  }
  const Location& at = finding.location;
  std::string key;
  for (const std::string& part :
       {at.table, std::to_string(at.column), at.label}) {
    key.push_back('\x1f');
    key.append(part);
  }
  std::string value = UpperTrimmed(finding.value);
  if (value.empty()) return;
  std::string cell = key + '\x1f' + std::to_string(at.record) + '\x1f' +
                     at.path;
  // One value per labelled cell: `00123456` that a pattern found inside
  // `M 00123456`, which the field rule found whole, is the same number and
  // must not count against the column's shape. A cell's findings come
  // together (by item and seq).
  if (!pending_.cell.empty() && pending_.cell == cell &&
      (pending_.value.find(value) != std::string::npos ||
       value.find(pending_.value) != std::string::npos)) {
    if (value.size() > pending_.value.size()) {
      pending_.value = std::move(value);
      pending_.category = finding.category;
    }
    return;
  }
  Count();
  pending_ = {std::move(key), std::move(cell), std::move(value),
              finding.category};
}

void ShapeLearner::Count() {
  if (pending_.cell.empty()) return;
  Pending p = std::move(pending_);
  pending_ = {};
  Value value;
  value.category = std::move(p.category);
  // A value without a specific shape counts against the others, no more.
  if (std::optional<IdShape> shape = ShapeOf(p.value);
      shape && IsSpecific(*shape)) {
    value.literal = shape->literal;
    if (shape->letters > 0) value.classes = shape->classes;
  }
  columns_[p.column].Insert(std::hash<std::string>{}(p.value),
                            std::move(value));
}

void ShapeLearner::EndRun() {
  Count();
  for (const auto& [key, column] : columns_) Summarise(column);
  columns_.clear();
}

// The shape of >= 90% of a column's distinct values (at most one can be),
// literal first, then by class; shares are taken on the column's sample.
void ShapeLearner::Summarise(const ColumnValues& column) {
  const size_t kept = column.kept();
  std::map<std::string, uint64_t> literal, classes, categories;
  for (const auto& [hash, value] : column.entries()) {
    if (!value.literal.empty()) ++literal[value.literal];
    if (!value.classes.empty()) ++classes[value.classes];
    ++categories[value.category];
  }
  auto dominant = [&](const std::map<std::string, uint64_t>& counts) {
    for (const auto& [shape, count] : counts) {
      if (count >= kMinColumnShare * static_cast<double>(kept)) return shape;
    }
    return std::string();
  };
  bool literal_shape = true;
  std::string shape = dominant(literal);
  if (shape.empty()) {
    literal_shape = false;
    shape = dominant(classes);
  }
  if (shape.empty()) return;
  const ColumnValues teachers = column.Filter([&](const Value& v) {
    return (literal_shape ? v.literal : v.classes) == shape;
  });
  Gathered& g = gathered_[{shape, literal_shape}];
  g.values.Merge(teachers.Hashes());
  ++g.columns;
  g.categories[Majority(categories)] += teachers.count();
}

std::vector<LearnedShape> ShapeLearner::Learn() {
  EndRun();
  run_source_.clear();
  run_category_.clear();
  std::vector<LearnedShape> learned;
  for (const auto& [shape, g] : gathered_) {
    const uint64_t values = g.values.count();
    if (values < kMinShapeValues) continue;
    const std::string category = Majority(g.categories);
    uint64_t total = 0;
    for (const auto& entry : g.categories) total += entry.second;
    if (g.categories.at(category) < kMinColumnShare * total) continue;
    learned.push_back({shape.first, shape.second, category, values,
                       g.columns});
  }
  return learned;
}

LearnedShapes::LearnedShapes(std::vector<LearnedShape> shapes)
    : shapes_(std::move(shapes)) {
  for (size_t i = 0; i < shapes_.size(); ++i) {
    (shapes_[i].literal ? literal_ : classes_).emplace(shapes_[i].shape, i);
  }
}

const LearnedShape* LearnedShapes::Match(std::string_view token) const {
  std::optional<IdShape> shape = ShapeOf(token);
  if (!shape) return nullptr;
  if (auto it = literal_.find(shape->literal); it != literal_.end()) {
    return &shapes_[it->second];
  }
  // Class shapes come only from columns whose letters vary; a token
  // without letters has no class shape of its own.
  if (shape->letters == 0) return nullptr;
  if (auto it = classes_.find(shape->classes); it != classes_.end()) {
    return &shapes_[it->second];
  }
  return nullptr;
}

std::optional<Finding> LearnedShapes::Promote(const Finding& candidate) const {
  const LearnedShape* shape = Match(candidate.value);
  if (shape == nullptr) return std::nullopt;
  Finding f = candidate;
  f.category = shape->category;
  f.detector = std::string(kLearnedShapeDetector);
  f.normalized = UpperTrimmed(candidate.value);
  // `M 00123456` is `M00123456`, as the field rules normalise it.
  std::erase(f.normalized, ' ');
  // A literal prefix is a facility's signature; a class shape (letters
  // that vary) says less. Many teachers make either surer.
  f.confidence = (shape->literal ? 0.80 : 0.70) +
                 (shape->values >= 20 ? 0.05 : 0.0);
  f.explanation = "learned shape '" + shape->shape + "' from " +
                  std::to_string(shape->values) + " labelled values in " +
                  std::to_string(shape->columns) +
                  (shape->columns == 1 ? " column" : " columns");
  f.role = Role::kPatient;
  return f;
}

}  // namespace breachscope
