// FieldAnalyzer: label-driven whole-value findings for every category.
//
// A labelled unit (table cell, JSON/XML field, HL7 field) whose label a
// field rule (field_rules.h) claims and whose trimmed value has the rule's
// shape becomes one finding covering the trimmed value: a cell under
// `last_name`, PID-5, `Patient.name.family`, 9 digits under `HSN`. Free
// text is left to the dictionary analyzers.
//
// Beyond single labels it reads a little of the record, in document order:
//   - FHIR JSON: the record's `resourceType` (Practitioner names are staff,
//     Organization names are places), and an identifier's `system` and
//     `type` seen before its `value` (a health-card system makes the value a
//     health number, with the province the system names);
//   - HL7: an OBX-3 naming height or weight turns OBX-5 of the same segment
//     into height/weight instead of a lab result.
// PID-3 values are medical record numbers whatever their type component,
// which arrives after the value (contract/fields.md).
//
// A proposal is skipped when a prior (pattern) finding of the same category
// already covers the value, so a labelled phone column gives one finding.
// With a column class (ScanCell), a cell no rule claims by its own label
// gets the class's rule (ColumnRule) if its value has the shape.
//
// A weak label word (`Reason`, `Notes`, `Result`: FieldRule::weak) claims
// a value only with evidence: a table cell whose column has a class when
// that class is the rule's category (the column's sample confirmed it);
// any other unit, and a cell of a column left without a class, when the
// value itself shows the category (value_evidence.h: a condition word
// under `Reason`, a number under `Result`). Strong labels need none
// (`HSN`, `diagnosis_code`, `PID-7`).
//
// Immutable and shared; per-thread state (label cache, record state) lives
// in the scratch from NewScratch().
#ifndef BREACHSCOPE_DETECT_FIELDS_FIELD_ANALYZER_H_
#define BREACHSCOPE_DETECT_FIELDS_FIELD_ANALYZER_H_

#include <string_view>
#include <vector>

#include "common/text_unit.h"
#include "detect/unit_analyzer.h"

namespace breachscope {

const UnitAnalyzer& FieldAnalyzer();

// The category the first field rule claiming `label` by its strong words
// or HL7 field gives, ignoring values, resources and components ("HSN" ->
// health_insurance_number); empty when none. For column classification: a
// header with a category here decides its column's class alone.
std::string_view LabelCategory(std::string_view label, UnitKind kind);

// The categories the rules' weak words in `label` suggest, in rule order
// (`Reason` -> diagnosis, `Result Notes` -> lab_result, medical_history);
// a column under such a header takes one only when its sampled values
// confirm it (column_profile.h).
std::vector<std::string_view> WeakLabelCategories(std::string_view label,
                                                  UnitKind kind);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_FIELDS_FIELD_ANALYZER_H_
