#include "report/html/individuals_table.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "common/categories.h"
#include "common/mask.h"
#include "report/html/html_escape.h"

namespace breachscope {
namespace {

struct Column {
  const char* id;
  const char* title;
  bool numeric;
};

constexpr Column kColumns[] = {
    {"id", "Individual", false},      {"name", "Name (masked)", false},
    {"born", "Born", false},          {"jurisdiction", "Jurisdiction", false},
    {"language", "Language", false},  {"categories", "Categories exposed", true},
    {"health", "Health numbers", true}, {"contacts", "Phones / e-mails", true},
    {"address", "Mailing address", false}, {"sources", "Sources", true},
};

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

void Cell(std::string_view text, std::string* out) {
  *out += "<td>";
  AppendEscaped(text, out);
  *out += "</td>";
}

// A cell sorted by `key` rather than by its text ("3 (SK, AB)" sorts as 3).
void SortedCell(size_t key, std::string_view text, std::string* out) {
  *out += "<td data-sort=\"" + std::to_string(key) + "\">";
  AppendEscaped(text, out);
  *out += "</td>";
}

std::string MaskedName(const AffectedPerson& person) {
  if (person.names.empty()) return "—";
  std::string out = MaskValue("name", person.names.front());
  if (person.names.size() > 1) out += " (+" + std::to_string(person.names.size() - 1) + ")";
  return out;
}

std::string MaskedBirth(const AffectedPerson& person) {
  if (person.dates_of_birth.empty()) return "—";
  return MaskValue("date_of_birth", person.dates_of_birth.front());
}

// Position of a category in DESIGN.md's list; unknown ids last.
size_t CategoryRank(const std::string& category) {
  for (size_t rank = 0; rank < kCategoryIds.size(); ++rank) {
    if (kCategoryIds[rank] == category) return rank;
  }
  return kCategoryIds.size();
}

// In DESIGN.md's order (name, address, date of birth, ...) whatever order
// the model holds them in, so rows read alike.
std::string CategoryList(const AffectedPerson& person) {
  std::vector<std::string> categories = person.categories;
  std::stable_sort(categories.begin(), categories.end(), [](const std::string& a, const std::string& b) {
    return CategoryRank(a) < CategoryRank(b);
  });
  std::string out;
  for (const std::string& category : categories) {
    if (!out.empty()) out += ", ";
    out += CategoryWords(category, false);
  }
  return out;
}

// "2 (SK, AB)": how many numbers and of which provinces, never the numbers.
std::string HealthNumbers(const AffectedPerson& person) {
  if (person.health_numbers.empty()) return "0";
  std::set<std::string> places;
  for (const HealthNumberRef& ref : person.health_numbers) {
    places.insert(ref.jurisdiction.empty() ? "?" : ref.jurisdiction);
  }
  std::string out = std::to_string(person.health_numbers.size()) + " (";
  for (const std::string& place : places) {
    if (out.back() != '(') out += ", ";
    out += place;
  }
  return out + ")";
}

std::string Contacts(const AffectedPerson& person) {
  return Plural(person.phones.size(), "phone", "phones") + ", " +
         Plural(person.emails.size(), "e-mail", "e-mails");
}

void AppendRow(const AffectedPerson& person, std::string* out) {
  *out += "<tr>";
  Cell(person.id, out);
  Cell(MaskedName(person), out);
  Cell(MaskedBirth(person), out);
  Cell(person.jurisdiction.empty() ? "unknown" : person.jurisdiction, out);
  Cell(person.language, out);
  SortedCell(person.categories.size(), CategoryList(person), out);
  SortedCell(person.health_numbers.size(), HealthNumbers(person), out);
  SortedCell(person.phones.size() + person.emails.size(), Contacts(person), out);
  Cell(person.mailing ? "usable" : "none: substitute notice", out);
  Cell(std::to_string(person.sources.size()), out);
  *out += "</tr>\n";
}

}  // namespace

std::string RenderIndividualsTable(const std::vector<AffectedPerson>& people) {
  if (people.empty()) return "<p class=\"empty\">No affected individuals in this case.</p>\n";
  std::string out = "<table class=\"individuals\" id=\"individuals\"><thead><tr>";
  for (const Column& column : kColumns) {
    out += std::string("<th data-col=\"") + column.id + "\"" +
           (column.numeric ? " data-type=\"num\"" : "") + ">" + column.title + "</th>";
  }
  out += "</tr></thead><tbody>\n";
  // About 330 bytes a row; reserving avoids regrowing a multi-megabyte string.
  out.reserve(out.size() + people.size() * 360);
  for (const AffectedPerson& person : people) AppendRow(person, &out);
  return out + "</tbody></table>\n";
}

}  // namespace breachscope
