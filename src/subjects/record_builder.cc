#include "subjects/record_builder.h"

#include <algorithm>
#include <cctype>

#include "common/record_link.h"
#include "detect/validators/id_numbers.h"
#include "subjects/label_words.h"
#include "subjects/name_parts.h"

namespace breachscope {
namespace {

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Detectors normalise a phone to E.164 and append ";ext=123"; the extension
// is not the person's.
std::string PhoneWithoutExtension(std::string_view phone) {
  return std::string(phone.substr(0, phone.find(';')));
}

bool IsJurisdiction(std::string_view code) {
  // Provinces, territories and US states are two upper-case letters; "CA"
  // (country) and "??" mean the detector could not tell.
  return code.size() == 2 && code != "CA" && std::isupper(static_cast<unsigned char>(code[0])) &&
         std::isupper(static_cast<unsigned char>(code[1]));
}

std::vector<std::string> SortedWords(const PersonName& name) {
  std::vector<std::string> words = LabelWords(DisplayName(name));
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

bool IsSubset(const std::vector<std::string>& small, const std::vector<std::string>& big) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

}  // namespace

void AddUnique(std::vector<std::string>* list, std::string value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) {
    list->push_back(std::move(value));
  }
}

std::string PartGroupOf(const Location& location) {
  if (location.kind == UnitKind::kTableCell) return "row";
  const std::string& path = location.path.empty() ? location.label : location.path;
  const size_t cut = path.find_last_of("./");
  return cut == std::string::npos ? std::string() : path.substr(0, cut);
}

PersonRecordBuilder::PersonRecordBuilder(std::string key, std::string source, Role role) {
  record_.key = std::move(key);
  record_.source = std::move(source);
  record_.role = role;
}

void PersonRecordBuilder::Add(const Finding& f) {
  if (IsRecordLink(f)) {
    // A link says who the record is, not what it holds: no category.
    if (f.detector == kFhirIdDetector) {
      AddUnique(&record_.link_ids, f.normalized);
    } else if (record_.link_ref.empty()) {
      record_.link_ref = f.normalized;
    }
    return;
  }
  ++findings_;
  categories_.insert(f.category);
  const std::string& value = f.normalized.empty() ? f.value : f.normalized;
  if (f.category == "name") {
    AddName(f);
    identity_ = true;
  } else if (f.category == "address") {
    AddAddress(f);
  } else if (f.category == "date_of_birth") {
    if (IsIsoDate(value)) AddUnique(&record_.dates_of_birth, value);
  } else if (f.category == "health_insurance_number") {
    AddHealthNumber(f);
    identity_ = true;
  } else if (f.category == "medical_record_number" || f.category == "patient_number") {
    AddUnique(&record_.record_numbers, f.category + ":" + value);
    identity_ = true;
  } else if (f.category == "email") {
    AddUnique(&record_.emails, value);
    identity_ = true;
  } else if (f.category == "phone") {
    AddUnique(&record_.phones, PhoneWithoutExtension(value));
  }
}

void PersonRecordBuilder::AddName(const Finding& f) {
  const NamePart part = NamePartOf(f.location);
  if (part == NamePart::kFull) {
    full_names_.push_back(SplitFullName(f.value));
    return;
  }
  const std::string group = PartGroupOf(f.location);
  auto it = std::find_if(name_groups_.begin(), name_groups_.end(),
                         [&](const auto& g) { return g.first == group; });
  if (it == name_groups_.end()) {
    name_groups_.emplace_back(group, PersonName());
    it = name_groups_.end() - 1;
  }
  std::string* slot = part == NamePart::kGiven    ? &it->second.given
                      : part == NamePart::kMiddle ? &it->second.middle
                      : part == NamePart::kFamily ? &it->second.family
                                                  : &it->second.suffix;
  // A second value for one part (two given names under one FHIR name)
  // reads as a middle name.
  if (slot->empty()) {
    *slot = f.value;
  } else if (part == NamePart::kGiven) {
    it->second.middle += (it->second.middle.empty() ? "" : " ") + f.value;
  }
}

void PersonRecordBuilder::AddAddress(const Finding& f) {
  const std::string& value = f.normalized.empty() ? f.value : f.normalized;
  const AddressPart part = AddressPartOf(f);
  if (part == AddressPart::kPostalCode) AddUnique(&record_.postal_codes, NormalizePostalCode(value));
  if (part == AddressPart::kLine) {
    AddUnique(&address_lines_, value);
    return;
  }
  // In free text a postal code is part of the address line found with it.
  if (f.location.kind == UnitKind::kText) return;
  const std::string group = PartGroupOf(f.location);
  auto it = std::find_if(address_groups_.begin(), address_groups_.end(),
                         [&](const auto& g) { return g.first == group; });
  if (it == address_groups_.end()) {
    address_groups_.emplace_back(group, AddressParts());
    it = address_groups_.end() - 1;
  }
  AddressParts& parts = it->second;
  switch (part) {
    case AddressPart::kStreet:
      if (parts.street.empty()) parts.street = value;
      break;
    case AddressPart::kCity:
      if (parts.city.empty()) parts.city = value;
      break;
    case AddressPart::kProvince:
      if (parts.province.empty()) parts.province = value;
      break;
    case AddressPart::kPostalCode:
      if (parts.postal_code.empty()) parts.postal_code = NormalizePostalCode(value);
      break;
    case AddressPart::kLine:
      break;
  }
}

void PersonRecordBuilder::AddHealthNumber(const Finding& f) {
  HealthNumber hn;
  const std::string& value = f.normalized.empty() ? f.value : f.normalized;
  const size_t colon = value.find(':');
  if (colon != std::string::npos) {
    const std::string code = value.substr(0, colon);
    if (IsJurisdiction(code)) hn.jurisdiction = code;
    hn.number = value.substr(colon + 1);
  } else {
    hn.number = value;
  }
  hn.number.erase(std::remove(hn.number.begin(), hn.number.end(), ' '), hn.number.end());
  // The detectors say "mod 11 ok" / "luhn ok" when a check digit held.
  hn.check_digit_valid = f.explanation.find(" ok") != std::string::npos;
  for (HealthNumber& known : record_.health_numbers) {
    if (known.number == hn.number) {
      if (known.jurisdiction.empty()) known.jurisdiction = hn.jurisdiction;
      known.check_digit_valid = known.check_digit_valid || hn.check_digit_valid;
      return;
    }
  }
  record_.health_numbers.push_back(std::move(hn));
}

void PersonRecordBuilder::FillNames(PersonRecord* record) const {
  std::vector<PersonName> all;
  for (const auto& [group, name] : name_groups_) {
    PersonName n = name;
    n.full = DisplayName(n);
    all.push_back(std::move(n));
  }
  all.insert(all.end(), full_names_.begin(), full_names_.end());
  // Fuller names first so a repeat of some of their words is dropped.
  std::vector<size_t> order(all.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return SortedWords(all[a]).size() > SortedWords(all[b]).size();
  });
  std::vector<bool> keep(all.size(), false);
  std::vector<std::vector<std::string>> kept_words;
  for (size_t i : order) {
    std::vector<std::string> words = SortedWords(all[i]);
    if (words.empty()) continue;
    bool repeat = false;
    for (const auto& kept : kept_words) repeat = repeat || IsSubset(words, kept);
    if (repeat) continue;
    keep[i] = true;
    kept_words.push_back(std::move(words));
  }
  for (size_t i = 0; i < all.size(); ++i) {
    if (keep[i]) record->names.push_back(all[i]);
  }
}

void PersonRecordBuilder::FillAddresses(PersonRecord* record) const {
  std::vector<std::string> provinces;
  for (const auto& [group, parts] : address_groups_) {
    // A postal code alone is kept in postal_codes, not as an address.
    const bool postal_only = parts.street.empty() && parts.city.empty();
    if (!parts.empty() && !postal_only) AddUnique(&record->addresses, parts.Line());
    if (IsProvinceCode(parts.province)) {
      std::string code = parts.province;
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      AddUnique(&provinces, code);
    }
  }
  for (const std::string& line : address_lines_) AddUnique(&record->addresses, line);
  if (provinces.size() != 1) return;
  for (HealthNumber& hn : record->health_numbers) {
    if (hn.jurisdiction.empty()) hn.jurisdiction = provinces[0];
  }
}

// Field detectors take a number on its label ("JHN", identifier system)
// without checking it; where the province has a published check digit,
// check it here so the resolver can rely on it.
bool CheckDigitHolds(const HealthNumber& hn) {
  if (hn.jurisdiction == "ON") return OntarioHealthNumberValid(hn.number);
  if (hn.jurisdiction == "BC") return BcPhnValid(hn.number);
  if (hn.jurisdiction == "QC") return RamqValid(hn.number);
  return false;
}

PersonRecord PersonRecordBuilder::Build() const {
  PersonRecord record = record_;
  FillNames(&record);
  FillAddresses(&record);
  for (HealthNumber& hn : record.health_numbers) {
    hn.check_digit_valid = hn.check_digit_valid || CheckDigitHolds(hn);
  }
  record.categories.assign(categories_.begin(), categories_.end());
  record.findings = static_cast<uint32_t>(findings_);
  return record;
}

}  // namespace breachscope
