#include "report/notice/case_facts.h"

#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

namespace breachscope {
namespace {

const std::set<std::string, std::less<>> kOrganisationKeys = {
    "name", "contact", "phone", "email", "mailing_address", "website"};
// Texts the letters and reports draw from (regimes.json "from" incident.*).
const std::set<std::string, std::less<>> kIncidentTexts = {
    "what_happened", "period",     "containment", "cause",   "possible_harm",
    "mitigation",    "individual_steps", "prevention", "apology", "notification_steps",
    "risk_assessment"};

std::string Where(const toml::node& node) {
  return "case.toml line " + std::to_string(node.source().begin.line);
}

Result<std::string> TextValue(const toml::node& node, std::string_view key) {
  if (const auto* s = node.as_string()) return std::string(s->get());
  return InvalidArgument(Where(node) + ": '" + std::string(key) + "' must be text in quotes");
}

Result<CalendarDate> DateValue(const toml::node& node, std::string_view key) {
  if (const auto* d = node.as_date()) {
    std::chrono::year_month_day ymd{std::chrono::year{d->get().year},
                                    std::chrono::month{d->get().month},
                                    std::chrono::day{d->get().day}};
    if (ymd.ok()) return CalendarDate{ymd};
  }
  if (const auto* s = node.as_string()) {
    if (auto parsed = ParseCalendarDate(s->get())) return *parsed;
  }
  return InvalidArgument(Where(node) + ": '" + std::string(key) +
                         "' must be a date written YYYY-MM-DD");
}

Status ReadOrganisation(const toml::table& t, OrganisationFacts* out) {
  for (auto&& [k, node] : t) {
    std::string key(k.str());
    if (!kOrganisationKeys.count(key)) {
      return InvalidArgument(Where(node) + ": unknown key organisation." + key);
    }
    Result<std::string> text = TextValue(node, key);
    if (!text.ok()) return text.status();
    std::string* field = key == "name"      ? &out->name
                         : key == "contact" ? &out->contact
                         : key == "phone"   ? &out->phone
                         : key == "email"   ? &out->email
                         : key == "website" ? &out->website
                                            : &out->mailing_address;
    *field = std::move(text).value();
  }
  return Status::Ok();
}

// Incident keys are anchor dates (ids from the regime book) or texts, the
// latter with an optional "_fr" French version.
Status ReadIncident(const toml::table& t, const RegimeBook& book, IncidentFacts* out) {
  for (auto&& [k, node] : t) {
    std::string key(k.str());
    if (book.anchors.count(key)) {
      Result<CalendarDate> date = DateValue(node, key);
      if (!date.ok()) return date.status();
      out->anchors[key] = date.value();
      continue;
    }
    std::string base = key.size() > 3 && key.ends_with("_fr") ? key.substr(0, key.size() - 3) : key;
    if (!kIncidentTexts.count(base)) {
      return InvalidArgument(Where(node) + ": unknown key incident." + key);
    }
    Result<std::string> text = TextValue(node, key);
    if (!text.ok()) return text.status();
    out->texts[key] = std::move(text).value();
  }
  return Status::Ok();
}

Status ReadRegimes(const toml::table& t, const RegimeBook& book, std::vector<std::string>* out) {
  for (auto&& [k, node] : t) {
    if (k.str() != "apply" || !node.is_array()) {
      return InvalidArgument(Where(node) + ": [regimes] takes one key, apply = [\"id\", ...]");
    }
    for (const toml::node& item : *node.as_array()) {
      Result<std::string> id = TextValue(item, "regimes.apply");
      if (!id.ok()) return id.status();
      if (!book.Find(id.value())) {
        return InvalidArgument(Where(item) + ": unknown regime '" + id.value() + "'");
      }
      out->push_back(std::move(id).value());
    }
  }
  return Status::Ok();
}

// "regime.obligation" keys must name a real obligation: a typo would
// otherwise leave a met deadline shown as overdue, or worse, the reverse.
Status ReadDone(const toml::table& t, const RegimeBook& book, std::map<std::string, CalendarDate>* out) {
  for (auto&& [k, node] : t) {
    std::string key(k.str());
    size_t dot = key.find('.');
    const Regime* regime = dot == std::string::npos ? nullptr : book.Find(key.substr(0, dot));
    bool known = false;
    if (regime) {
      for (const Obligation& o : regime->obligations) known = known || o.id == key.substr(dot + 1);
    }
    if (!known) return InvalidArgument(Where(node) + ": unknown obligation '" + key + "' in [done]");
    Result<CalendarDate> date = DateValue(node, key);
    if (!date.ok()) return date.status();
    (*out)[key] = date.value();
  }
  return Status::Ok();
}

Status ReadAuthorities(const toml::table& t, const RegimeBook& book, std::map<std::string, Authority>* out) {
  for (auto&& [k, node] : t) {
    std::string id(k.str());
    const Regime* regime = book.Find(id);
    if (!regime || !node.is_table()) {
      return InvalidArgument(Where(node) + ": [authority." + id + "] must name a regime");
    }
    Authority a = regime->authority;
    for (auto&& [field, value] : *node.as_table()) {
      Result<std::string> text = TextValue(value, field.str());
      if (!text.ok()) return text.status();
      std::string f(field.str());
      if (f == "name") a.name = text.value();
      else if (f == "address") a.address = text.value();
      else if (f == "phone") a.phone = text.value();
      else if (f == "email") a.email = text.value();
      else return InvalidArgument(Where(value) + ": unknown key authority." + id + "." + f);
    }
    (*out)[id] = a;
  }
  return Status::Ok();
}

}  // namespace

std::string CaseFacts::Text(std::string_view key, bool french) const {
  if (french) {
    auto it = incident.texts.find(std::string(key) + "_fr");
    if (it != incident.texts.end()) return it->second;
  }
  auto it = incident.texts.find(std::string(key));
  return it == incident.texts.end() ? "" : it->second;
}

Result<CaseFacts> ParseCaseFacts(std::string_view toml_text, const RegimeBook& book) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text, std::string_view("case.toml"));
  } catch (const toml::parse_error& e) {
    return InvalidArgument("case.toml line " + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
  }
  CaseFacts facts;
  for (auto&& [k, node] : doc) {
    std::string section(k.str());
    const toml::table* t = node.as_table();
    if (!t) return InvalidArgument(Where(node) + ": '" + section + "' must be a [section]");
    Status s = section == "organisation" ? ReadOrganisation(*t, &facts.organisation)
               : section == "incident"   ? ReadIncident(*t, book, &facts.incident)
               : section == "regimes"    ? ReadRegimes(*t, book, &facts.regimes)
               : section == "done"       ? ReadDone(*t, book, &facts.done)
               : section == "authority"  ? ReadAuthorities(*t, book, &facts.authorities)
                                         : InvalidArgument(Where(node) + ": unknown section [" + section + "]");
    BS_RETURN_IF_ERROR(s);
  }
  return facts;
}

Result<CaseFacts> LoadCaseFacts(const std::string& case_dir, const RegimeBook& book) {
  const std::string path = case_dir + "/case.toml";
  std::ifstream in(path);
  if (!in) {
    return NotFound(path + " not found: write the case facts there (`breachscope case facts "
                    "--case DIR` writes a template to start from)");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseCaseFacts(buffer.str(), book);
}

}  // namespace breachscope
