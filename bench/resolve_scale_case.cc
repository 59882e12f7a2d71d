#include "resolve_scale_case.h"

#include <cstdio>
#include <utility>
#include <vector>

#include "store/case_key.h"
#include "store/case_store.h"
#include "store/sodium_sealer.h"

namespace breachscope {
namespace {

constexpr size_t kRowsPerItem = 1000;

Finding Cell(const char* category, const std::string& value, const std::string& normalized,
             const char* header, int64_t row, int32_t column) {
  Finding f;
  f.category = category;
  f.detector = std::string(category) + "_field";
  f.value = value;
  f.normalized = normalized;
  f.confidence = 0.9;
  f.role = Role::kPatient;
  f.location.kind = UnitKind::kTableCell;
  f.location.record = row;
  f.location.column = column;
  f.location.label = header;
  return f;
}

// The cells a scan would have found in the record's row.
void AddRow(const PersonRecord& r, int64_t row, std::vector<Finding>* out) {
  for (const PersonName& n : r.names) {
    out->push_back(Cell("name", n.given, n.given, "First Name", row, 0));
    out->push_back(Cell("name", n.family, n.family, "Last Name", row, 1));
  }
  for (const std::string& d : r.dates_of_birth) {
    out->push_back(Cell("date_of_birth", d, d, "DOB", row, 2));
  }
  for (const HealthNumber& h : r.health_numbers) {
    Finding f = Cell("health_insurance_number", h.number, h.jurisdiction + ":" + h.number,
                     "Health Number", row, 3);
    f.explanation = h.check_digit_valid ? "mod 10 ok" : "label";
    out->push_back(f);
  }
  for (const std::string& a : r.addresses) out->push_back(Cell("address", a, a, "Address", row, 4));
  for (const std::string& p : r.postal_codes) {
    out->push_back(Cell("address", p, p, "Postal Code", row, 5));
  }
  for (const std::string& p : r.phones) out->push_back(Cell("phone", p, p, "Phone", row, 6));
  for (const std::string& e : r.emails) out->push_back(Cell("email", e, e, "Email", row, 7));
}

}  // namespace

Status WriteRecordsAsCase(const std::string& case_dir, size_t count,
                          const std::function<PersonRecord(size_t)>& make) {
  Result<CaseKey> key = ReadKeyFile(DefaultKeyPath(case_dir));
  if (!key.ok()) return key.status();
  // The case init made it: its recorded scheme, as the binary opens it.
  Result<std::unique_ptr<Sealer>> sealer = NewCaseSealer(case_dir, key.value());
  if (!sealer.ok()) return sealer.status();
  Result<std::unique_ptr<CaseStore>> opened =
      OpenSqliteCaseStore(case_dir, std::move(sealer).value());
  if (!opened.ok()) return opened.status();
  CaseStore& store = *opened.value();
  Result<int64_t> scan = store.BeginScan({"gen"}, 1);
  if (!scan.ok()) return scan.status();
  for (size_t first = 0; first < count; first += kRowsPerItem) {
    char name[32];
    std::snprintf(name, sizeof name, "gen/%05zu.csv", first / kRowsPerItem);
    std::vector<Finding> findings;
    for (size_t i = first; i < count && i < first + kRowsPerItem; ++i) {
      AddRow(make(i), static_cast<int64_t>(i - first), &findings);
    }
    SourceKey source{name, findings.size(), 0};
    ItemRecord item;
    item.name = item.source = name;
    item.format = "csv";
    item.units = findings.size();
    BS_RETURN_IF_ERROR(store.BeginSource(source));
    BS_RETURN_IF_ERROR(store.AddItem(item, findings));
    BS_RETURN_IF_ERROR(store.FinishSource(source));
  }
  BS_RETURN_IF_ERROR(store.Flush());
  return store.EndScan(scan.value(), ScanTotals{});
}

}  // namespace breachscope
