// TextUnit: one piece of decoded text with the structure around it.
//
// Extractors turn an item's bytes into a stream of units; detectors read
// units; subjects group findings by record. Structure is kept because it
// carries most of the meaning: a cell under `DOB`, the field PID-7, the JSON
// path `entry.resource.birthDate`.
//
// Units are passed by reference to a UnitSink; every string_view in a unit is
// valid only for the duration of the OnUnit call (copy what you keep).
#ifndef BREACHSCOPE_COMMON_TEXT_UNIT_H_
#define BREACHSCOPE_COMMON_TEXT_UNIT_H_

#include <cstdint>
#include <string_view>

namespace breachscope {

enum class UnitKind : uint8_t {
  kText,       // free text: a line block, paragraph or a whole text file
  kTableCell,  // a cell of a table (CSV/TSV row, SQL dump row)
  kField,      // a labelled field of a structured record (JSON, XML, HL7)
};

struct TextUnit {
  UnitKind kind = UnitKind::kText;
  // The value, UTF-8. Never contains the structural separators of its format
  // (no CSV quotes, HL7 escapes already resolved).
  std::string_view text;
  // Field label used as detection context: CSV header ("DOB"), HL7 field
  // ("PID-7"), JSON/XML path with array indexes removed
  // ("entry.resource.birthDate"). Empty for free text and headerless tables.
  std::string_view label;
  // Exact position inside the record, more precise than the label:
  // HL7 "PID-3[2].1" (field, repetition, component), JSON
  // "entry[0].resource.birthDate", XML "/Patient/name[1]/family". May be empty
  // when the label already says it all (table cells). Free text of a
  // document names its part: "page 3", "footer", "message 2, body".
  std::string_view path;
  // Table name for SQL dumps (and later sheet names); empty otherwise.
  std::string_view table;
  // Record index, 0-based: table data row, HL7 message, NDJSON line, element of
  // a top-level JSON array, XML record element. -1 for free text.
  int64_t record = -1;
  // Table column index, 0-based; -1 when not a table cell.
  int32_t column = -1;
  // Byte offset of text's first byte in the item's decoded UTF-8 content, or
  // of the start of the cell/field when unescaping moved bytes. Documents
  // count from the start of the part named by `path` (the page's text).
  uint64_t offset = 0;
  // What the structure says about the value but writes after it, so readers
  // of the unit need no look-ahead. HL7: for a repetition of five or more
  // components, components 5 and 4 when they are short codes; in identifier
  // (CX) fields those are the type code and assigning authority ("JHN SK"
  // for `123^^^SK^JHN`). Empty otherwise.
  std::string_view qualifier;
};

// Receives the units of one item, in document order. Implementations are not
// required to be thread-safe: one extractor feeds one sink.
class UnitSink {
 public:
  virtual ~UnitSink() = default;
  virtual void OnUnit(const TextUnit& unit) = 0;
  // Called once after the last unit of each record (row, message, object).
  virtual void OnRecordEnd(int64_t record) { (void)record; }
  // A non-fatal irregularity (ragged row, unknown escape); extraction goes on.
  virtual void OnWarning(std::string_view message) { (void)message; }
};

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_TEXT_UNIT_H_
