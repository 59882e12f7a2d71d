#include "report/notice/regimes.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "common/embedded_data.h"

namespace breachscope {
namespace {

using nlohmann::json;

std::optional<int> OptionalInt(const json& obj, const char* key) {
  if (!obj.contains(key) || obj[key].is_null()) return std::nullopt;
  return obj[key].get<int>();
}

Obligation ParseObligation(const json& j) {
  Obligation o;
  o.id = j.at("id").get<std::string>();
  o.to = j.at("to").get<std::string>();
  o.anchor = j.at("anchor").get<std::string>();
  o.within_days = OptionalInt(j, "within_days");
  o.within_hours = OptionalInt(j, "within_hours");
  o.target_days = OptionalInt(j, "target_days");
  o.keep_months = OptionalInt(j, "keep_months");
  o.min_residents_per_state = OptionalInt(j, "min_residents_per_state");
  o.by_march_1_next_year = j.value("by_march_1_next_year", false);
  o.rule = j.value("rule", "");
  o.cite = j.value("cite", "");
  return o;
}

Regime ParseRegime(const json& j) {
  Regime r;
  r.id = j.at("id").get<std::string>();
  r.name = j.at("name").get<std::string>();
  r.jurisdictions = j.value("jurisdictions", std::vector<std::string>{});
  const json& a = j.at("authority");
  r.authority = {a.value("name", ""), a.value("address", ""), a.value("phone", ""),
                 a.value("email", "")};
  r.complaint_right = j.value("complaint_right", "");
  for (const json& o : j.at("obligations")) r.obligations.push_back(ParseObligation(o));
  r.letter_elements = j.value("letter_elements", std::vector<std::string>{});
  r.report_elements = j.value("report_elements", std::vector<std::string>{});
  r.record_elements = j.value("record_elements", std::vector<std::string>{});
  r.internal_elements = j.value("internal_elements", std::vector<std::string>{});
  r.substitute_notice = j.value("substitute_notice", "");
  return r;
}

// A regime naming an element or anchor nobody defined would print an empty
// heading in every letter: refuse the whole book instead.
Status CheckReferences(const RegimeBook& book) {
  for (const Regime& r : book.regimes) {
    for (const auto* list : {&r.letter_elements, &r.report_elements, &r.record_elements,
                              &r.internal_elements}) {
      for (const std::string& e : *list) {
        if (!book.elements.count(e)) {
          return InvalidArgument("regime " + r.id + " names unknown element '" + e + "'");
        }
      }
    }
    for (const Obligation& o : r.obligations) {
      if (!book.anchors.count(o.anchor)) {
        return InvalidArgument("regime " + r.id + " obligation " + o.id +
                                       " has unknown anchor '" + o.anchor + "'");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

const Regime* RegimeBook::Find(std::string_view id) const {
  for (const Regime& r : regimes) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

Result<RegimeBook> ParseRegimeBook(std::string_view text) {
  RegimeBook book;
  try {
    json doc = json::parse(text);
    for (auto& [id, words] : doc.at("anchors").items()) book.anchors[id] = words.get<std::string>();
    for (auto& [id, e] : doc.at("elements").items()) {
      book.elements[id] = {e.at("label").get<std::string>(), e.at("from").get<std::string>()};
    }
    for (const json& r : doc.at("regimes")) book.regimes.push_back(ParseRegime(r));
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("regimes: ") + e.what());
  }
  BS_RETURN_IF_ERROR(CheckReferences(book));
  return book;
}

const RegimeBook& BuiltinRegimeBook() {
  static const RegimeBook book = [] {
    Result<RegimeBook> parsed = ParseRegimeBook(EmbeddedData("regimes/regimes.json"));
    // The file is compiled in and checked by a unit test: failing here is a
    // build defect, not a user error.
    if (!parsed.ok()) std::abort();
    return std::move(parsed).value();
  }();
  return book;
}

}  // namespace breachscope
