// Field rules: which labelled values are personal health information by
// where they sit, declared as data (field_rules.cc holds the table).
//
// A rule says: a value whose label matches (normalised label words, an exact
// HL7 field with a component range, or a FHIR/JSON/XML path suffix within a
// FHIR resource type) and whose value has the rule's shape is, as a whole, a
// finding of the rule's category, with the rule's role and confidence.
// Rules are tried in table order and the first whose label matches decides,
// so specific rules (clinic name, physician name) precede general ones
// (name). The contract is documented in detect/contract/fields.md.
//
// Everything here is static, immutable and thread-safe.
#ifndef BREACHSCOPE_DETECT_FIELDS_FIELD_RULES_H_
#define BREACHSCOPE_DETECT_FIELDS_FIELD_RULES_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/finding.h"

namespace breachscope {

// What a value must look like for a rule to claim it (value_shape.h).
enum class Shape : uint8_t {
  kName,        // letters, spaces, - ' . , accents; 1-6 words; no digits
  kIdentifier,  // 3-30 letters/digits/separators with at least one digit
  kNumberUnit,  // a number with an optional short unit: 172 cm, 5'10", 80kg
  kFreeText,    // min_chars bytes with letters, or two words of narrative
  kText,        // at least 2 letters or digits (codes, drug names, results)
  kWords,       // at least 2 letters (places)
  kCardNumber,  // 12-19 digits, spaces or dashes between groups
  kDate,        // a calendar date (headerless date-of-birth columns)
};

// An HL7 v2 field and the components of it that carry the information
// (XPN names: 1-3; XCN staff: 2-4; XAD addresses: 1-5).
struct Hl7Field {
  std::string_view field;  // "PID-5"
  uint8_t first_component = 1;
  uint8_t last_component = 255;
};

struct FieldRule {
  std::string_view detector;  // "name_field"; also the overlap family
  std::string_view category;  // DESIGN.md id
  Shape shape = Shape::kText;
  Role role = Role::kUnknown;
  double confidence = 0.7;
  uint16_t min_chars = 0;  // kFreeText only
  // Normalised label phrases, tokens joined by '_' ("medical_record"),
  // matched as whole tokens of the normalised label. Strong labels: the
  // label alone decides (`diagnosis_code`, `HSN`).
  std::vector<std::string_view> words;
  // Weak labels, matched the same way: they only suggest the category
  // (`reason`, `notes`, `result`), because other trades use them too (a
  // billing export's `Reason` is "refund"). The value must confirm them:
  // per value (value_evidence.h), or in a table through the column's class
  // (column_profile.h). contract/fields.md, "Strong and weak labels".
  std::vector<std::string_view> weak;
  // Phrases that veto the rule even when a word matches ("file" for name).
  std::vector<std::string_view> unless;
  std::vector<Hl7Field> hl7;
  // Dotted path suffixes, case-insensitive ("name.family"), for JSON and
  // XML labels; `resources` (FHIR resourceType, empty: any) restricts them.
  std::vector<std::string_view> paths;
  std::vector<std::string_view> resources;
};

// Every rule, in precedence order.
std::span<const FieldRule> FieldRules();

// The rule used for a cell of a column classified `category` when no rule
// matches the cell's own label; nullptr when the category has none.
const FieldRule* ColumnRule(std::string_view category);

// Label phrases that no field rule claims: dates and times belong to the
// date detector ("diagnosis_date" is a date, not a diagnosis).
std::span<const std::string_view> VetoedLabelWords();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_FIELD_RULES_H_
