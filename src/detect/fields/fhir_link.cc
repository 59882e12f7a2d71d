#include "detect/fields/fhir_link.h"

#include <cctype>

#include "common/record_link.h"

namespace breachscope {
namespace {

bool IsIdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

// A FHIR logical id: 1-64 of [A-Za-z0-9-.].
bool IsFhirId(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!IsIdChar(c)) return false;
  }
  return true;
}

// A resource type name: an upper-case letter, then letters.
bool IsResourceType(std::string_view s) {
  if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The length of a resource's own prefix at the start of `path`: "" for an
// NDJSON line or a single resource, "[3]." in an array, "entry[3].resource."
// in a Bundle; npos when `path` is not of these shapes.
size_t ResourcePrefix(std::string_view path) {
  auto index_end = [&](size_t open) -> size_t {  // past "[digits]"
    if (open >= path.size() || path[open] != '[') return std::string_view::npos;
    size_t at = open + 1;
    while (at < path.size() && std::isdigit(static_cast<unsigned char>(path[at]))) ++at;
    if (at == open + 1 || at >= path.size() || path[at] != ']') return std::string_view::npos;
    return at + 1;
  };
  if (path.starts_with("entry[")) {
    size_t end = index_end(5);
    constexpr std::string_view kResource = ".resource.";
    if (end == std::string_view::npos || path.substr(end, kResource.size()) != kResource) {
      return std::string_view::npos;
    }
    return end + kResource.size();
  }
  if (path.starts_with("[")) {
    size_t end = index_end(0);
    if (end == std::string_view::npos || end >= path.size() || path[end] != '.') {
      return std::string_view::npos;
    }
    return end + 1;
  }
  return 0;
}

// Resources that are people (or places, groups) of their own: their
// `patient` names someone else, so it never makes them that patient's.
bool IsOwnPerson(std::string_view resource) {
  for (std::string_view r : {"RelatedPerson", "Person", "Practitioner", "PractitionerRole",
                             "Organization", "Group", "Location", "Patient"}) {
    if (resource == r) return true;
  }
  return false;
}

void Add(const TextUnit& unit, std::string_view detector, std::string normalized,
         std::string_view why, std::vector<ProposedFinding>* out) {
  std::string_view text = unit.text;
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  size_t end = text.size();
  while (end > start && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  ProposedFinding& f = out->emplace_back();
  f.start = static_cast<uint32_t>(start);
  f.end = static_cast<uint32_t>(end);
  f.detector = detector;
  f.category = kRecordLinkCategory;
  f.normalized = std::move(normalized);
  f.confidence = 1.0;
  f.explanation = std::string(why);
}

}  // namespace

std::string CanonicalFhirReference(std::string_view value) {
  value = Trim(value);
  if (value.starts_with("urn:uuid:") || value.starts_with("urn:oid:")) {
    return value.size() > 9 && value.find_first_of(" \t/") == std::string_view::npos
               ? std::string(value)
               : std::string();
  }
  size_t history = value.find("/_history/");
  if (history != std::string_view::npos) value = value.substr(0, history);
  size_t slash = value.rfind('/');
  if (slash == std::string_view::npos) return {};
  std::string_view id = value.substr(slash + 1);
  std::string_view rest = value.substr(0, slash);
  std::string_view type = rest.substr(rest.rfind('/') == std::string_view::npos ? 0
                                                                             : rest.rfind('/') + 1);
  if (!IsFhirId(id) || !IsResourceType(type)) return {};
  return std::string(type) + "/" + std::string(id);
}

void ProposeFhirLink(const TextUnit& unit, std::string_view resource,
                     std::vector<ProposedFinding>* out) {
  // Cheap refusals first: this runs on every field unit.
  std::string_view path = unit.path;
  const bool id = path.ends_with("id"), url = path.ends_with("fullUrl"),
             ref = path.ends_with(".reference");
  if (!id && !url && !ref) return;
  if (url) {
    // "entry[N].fullUrl": the entry's id whatever its resource (it comes
    // before `resource`); only Patients are ever referred to as subjects.
    if (!path.starts_with("entry[") || path.size() != path.find(']') + 9) return;
    std::string canonical = CanonicalFhirReference(unit.text);
    if (!canonical.empty()) Add(unit, kFhirIdDetector, std::move(canonical), "fhir full url", out);
    return;
  }
  const size_t prefix = ResourcePrefix(path);
  if (prefix == std::string_view::npos) return;
  std::string_view own = path.substr(prefix);
  if (id) {
    std::string_view value = Trim(unit.text);
    if (own == "id" && resource == "Patient" && IsFhirId(value)) {
      Add(unit, kFhirIdDetector, "Patient/" + std::string(value), "fhir id", out);
    }
    return;
  }
  if (!ref || IsOwnPerson(resource)) return;
  if (own != "subject.reference" && own != "patient.reference" &&
      own != "beneficiary.reference") {
    return;
  }
  std::string canonical = CanonicalFhirReference(unit.text);
  if (canonical.empty() || (!canonical.starts_with("Patient/") && !canonical.starts_with("urn:"))) {
    return;
  }
  Add(unit, kFhirReferenceDetector, std::move(canonical), "fhir reference to the patient", out);
}

}  // namespace breachscope
