#include "report/individuals_export.h"

#include "report/csv_quote.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "common/mask.h"

namespace breachscope {
namespace {

// Names compare without case or spacing: "BROWN NATHAN" from HL7 and
// "Nathan Brown" from a table stay two spellings only if their letters
// differ in order.
std::string NameKey(std::string_view name) {
  std::string key;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ' || c == '.' || c == ',') continue;
    key += static_cast<char>(std::tolower(c));
    // Latin-1 capitals (U+00C0..U+00DE but U+00D7) are 0xC3 0x80..0x9E in
    // UTF-8; their small letters are 0x20 further.
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char next = static_cast<unsigned char>(name[++i]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next += 0x20;
      key += static_cast<char>(next);
    }
  }
  return key;
}

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

void AddInOrder(std::vector<std::string>* list, std::set<std::string>* seen,
                const std::string& value, const std::string& key) {
  if (value.empty() || !seen->insert(key).second) return;
  list->push_back(value);
}

std::string Join(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) {
    if (!out.empty()) out += "; ";
    out += s;
  }
  return out;
}

std::string ConfidenceText(double confidence) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%.2f", std::round(confidence * 100.0) / 100.0);
  return buffer;
}

std::vector<std::string> MaskAll(std::string_view category, const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (const std::string& s : v) out.push_back(MaskValue(category, s));
  return out;
}

}  // namespace

IndividualRow MakeIndividualRow(const StoredIndividual& individual,
                                const std::vector<PersonRecord>& records) {
  IndividualRow row;
  row.individual_id = individual.id;
  row.confidence = individual.confidence;
  std::set<std::string> names_seen, addresses_seen;
  for (uint32_t index : individual.members) {
    if (index >= records.size()) continue;
    const PersonRecord& r = records[index];
    for (const PersonName& n : r.names) {
      AddInOrder(&row.names, &names_seen, n.full, NameKey(n.full));
    }
    for (const std::string& a : r.addresses) {
      AddInOrder(&row.addresses, &addresses_seen, a, NameKey(a));
    }
    row.dates_of_birth.insert(row.dates_of_birth.end(), r.dates_of_birth.begin(),
                              r.dates_of_birth.end());
    for (const HealthNumber& h : r.health_numbers) {
      row.health_numbers.emplace_back(h.jurisdiction, h.number);
    }
    row.emails.insert(row.emails.end(), r.emails.begin(), r.emails.end());
    row.phones.insert(row.phones.end(), r.phones.begin(), r.phones.end());
    row.categories.insert(row.categories.end(), r.categories.begin(), r.categories.end());
    row.sources.push_back(r.source);
  }
  SortUnique(&row.dates_of_birth);
  SortUnique(&row.health_numbers);
  // One number found once with and once without its province is one number.
  std::vector<std::pair<std::string, std::string>> numbers;
  for (const auto& h : row.health_numbers) {
    const bool known_elsewhere =
        h.first.empty() && std::any_of(row.health_numbers.begin(), row.health_numbers.end(),
                                       [&](const auto& o) {
                                         return !o.first.empty() && o.second == h.second;
                                       });
    if (!known_elsewhere) numbers.push_back(h);
  }
  row.health_numbers = std::move(numbers);
  SortUnique(&row.emails);
  SortUnique(&row.phones);
  SortUnique(&row.categories);
  SortUnique(&row.sources);
  return row;
}

IndividualRow MaskIndividualRow(const IndividualRow& row) {
  IndividualRow out = row;
  out.names = MaskAll("name", row.names);
  out.dates_of_birth = MaskAll("date_of_birth", row.dates_of_birth);
  for (auto& h : out.health_numbers) h.second = MaskValue("health_insurance_number", h.second);
  out.emails = MaskAll("email", row.emails);
  out.phones = MaskAll("phone", row.phones);
  out.addresses = MaskAll("address", row.addresses);
  return out;
}

std::string IndividualToJsonLine(const IndividualRow& row) {
  nlohmann::ordered_json line;
  line["individual_id"] = row.individual_id;
  line["names"] = row.names;
  line["dates_of_birth"] = row.dates_of_birth;
  nlohmann::ordered_json numbers = nlohmann::ordered_json::array();
  for (const auto& [jurisdiction, number] : row.health_numbers) {
    nlohmann::ordered_json h;
    h["jurisdiction"] = jurisdiction;
    h["number"] = number;
    numbers.push_back(std::move(h));
  }
  line["health_numbers"] = std::move(numbers);
  line["emails"] = row.emails;
  line["phones"] = row.phones;
  line["addresses"] = row.addresses;
  line["categories"] = row.categories;
  line["sources"] = row.sources;
  line["confidence"] = std::round(row.confidence * 100.0) / 100.0;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string IndividualsCsvHeader() {
  return "individual_id,names,dates_of_birth,health_numbers,emails,phones,addresses,"
         "categories,sources,confidence";
}

std::string IndividualToCsvRow(const IndividualRow& row) {
  std::vector<std::string> numbers;
  for (const auto& [jurisdiction, number] : row.health_numbers) {
    numbers.push_back(jurisdiction.empty() ? number : jurisdiction + ":" + number);
  }
  std::string out = std::to_string(row.individual_id);
  const std::vector<std::string>* lists[] = {
      &row.names,  &row.dates_of_birth, &numbers,         &row.emails,
      &row.phones, &row.addresses,      &row.categories, &row.sources};
  for (const std::vector<std::string>* list : lists) {
    out += "," + CsvQuote(Join(*list));
  }
  return out + "," + ConfidenceText(row.confidence);
}

Status ExportIndividuals(IndividualsStore& store, ExportFormat format, bool masked,
                         std::ostream& out, uint64_t* count) {
  *count = 0;
  Result<std::vector<PersonRecord>> records = store.LoadPersonRecords();
  if (!records.ok()) return records.status();
  Result<std::vector<StoredIndividual>> individuals = store.LoadIndividuals();
  if (!individuals.ok()) return individuals.status();
  if (format == ExportFormat::kCsv) out << IndividualsCsvHeader() << '\n';
  for (const StoredIndividual& individual : individuals.value()) {
    IndividualRow row = MakeIndividualRow(individual, records.value());
    if (masked) row = MaskIndividualRow(row);
    out << (format == ExportFormat::kJsonl ? IndividualToJsonLine(row) : IndividualToCsvRow(row))
        << '\n';
    ++*count;
  }
  return out ? Status() : IoError("writing the export failed");
}

}  // namespace breachscope
