// Filling a letter template for one person.
#include "report/notice/letter.h"

#include <map>

namespace breachscope {
namespace {

using Values = std::map<std::string, std::string>;

std::string JoinWords(const std::vector<std::string>& words, bool french) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? (french ? " et " : " and ") : ", ";
    out += words[i];
  }
  return out;
}

const Authority& AuthorityOf(const ReportModel& model, const Regime& regime) {
  auto it = model.facts.authorities.find(regime.id);
  return it == model.facts.authorities.end() ? regime.authority : it->second;
}

std::string AuthorityText(const Authority& a) {
  std::string text = a.name;
  for (const std::string* part : {&a.address, &a.phone, &a.email}) {
    if (!part->empty()) text += ", " + *part;
  }
  return text;
}

// Every value a template may name, for this person in their language.
Values ValuesFor(const ReportModel& model, const AffectedPerson& person) {
  const bool fr = person.language == "fr";
  const OrganisationFacts& org = model.facts.organisation;
  Values v = {{"organisation.name", org.name},       {"organisation.contact", org.contact},
              {"organisation.phone", org.phone},     {"organisation.email", org.email},
              {"organisation.mailing_address", org.mailing_address},
              {"organisation.website", org.website}, {"date", FormatLongDate(model.generated_on, fr)}};
  for (const auto& [key, text] : model.facts.incident.texts) {
    if (!key.ends_with("_fr")) v["incident." + key] = model.facts.Text(key, fr);
  }
  for (const auto& [id, date] : model.facts.incident.anchors) v["anchor." + id] = FormatLongDate(date, fr);
  v["person.name"] = person.names.empty() ? "" : person.names.front();
  if (person.mailing) {
    v["person.street"] = person.mailing->street;
    v["person.city"] = person.mailing->city;
    v["person.region"] = person.mailing->region;
    v["person.postal_code"] = person.mailing->postal_code;
  }
  std::vector<std::string> words;
  for (const std::string& c : person.categories) words.push_back(CategoryWords(c, fr));
  v["person.categories"] = JoinWords(words, fr);
  std::string rights, authorities;
  for (const std::string& id : person.regimes) {
    const Regime* r = model.book->Find(id);
    if (!r) continue;
    rights += (rights.empty() ? "" : "\n") + r->complaint_right;
    authorities += (authorities.empty() ? "" : "\n") + AuthorityText(AuthorityOf(model, *r));
  }
  v["regime.complaint_right"] = rights;
  v["regime.authority"] = authorities;
  return v;
}

// Replaces {{key}}; a key with no value becomes "[missing: key]" and is
// reported through `missing`.
std::string Fill(const std::string& body, const Values& values, std::set<std::string>* missing) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t open = body.find("{{", pos);
    size_t close = open == std::string::npos ? std::string::npos : body.find("}}", open);
    if (close == std::string::npos) {
      out += body.substr(pos);
      break;
    }
    out += body.substr(pos, open - pos);
    std::string key = body.substr(open + 2, close - open - 2);
    auto it = values.find(key);
    if (it != values.end() && !it->second.empty()) {
      out += it->second;
    } else {
      missing->insert(key);
      out += "[missing: " + key + "]";
    }
    pos = close + 2;
  }
  return out;
}

// Header and closing lines whose values are absent are dropped, not flagged:
// a person without an address still gets a letter by other means.
std::string FillDroppingEmptyLines(const std::string& body, const Values& values) {
  std::string out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    std::string line = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::set<std::string> missing;
    std::string filled = Fill(line, values, &missing);
    const bool had_placeholder = line.find("{{") != std::string::npos;
    if (missing.empty() || !had_placeholder) {
      out += filled + "\n";
    } else {
      // Keep what did resolve on a partly filled line ("Regina SK").
      std::string partial;
      for (size_t p = 0; p < filled.size();) {
        size_t m = filled.find("[missing: ", p);
        partial += filled.substr(p, m == std::string::npos ? std::string::npos : m - p);
        if (m == std::string::npos) break;
        p = filled.find(']', m) + 1;
      }
      if (partial.find_first_not_of(' ') != std::string::npos) out += partial + "\n";
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

Result<std::vector<std::string>> RequiredElements(const ReportModel& model, const AffectedPerson& person,
                                                  const LetterTemplate& tmpl) {
  std::set<std::string> required;
  for (const std::string& id : person.regimes) {
    const Regime* r = model.book->Find(id);
    if (!r) continue;
    for (const std::string& e : r->letter_elements) {
      if (!tmpl.Element(e)) {
        return InvalidArgument("the letter template has no @element " + e + ", which " + r->name +
                               " requires");
      }
      required.insert(e);
    }
  }
  std::vector<std::string> ordered;
  for (const TemplateSection& s : tmpl.sections) {
    if (s.kind == "element" && required.count(s.element)) ordered.push_back(s.element);
  }
  return ordered;
}

Result<Letter> RenderLetter(const ReportModel& model, const AffectedPerson& person,
                            const LetterTemplate& tmpl) {
  Result<std::vector<std::string>> required = RequiredElements(model, person, tmpl);
  if (!required.ok()) return required.status();
  const Values values = ValuesFor(model, person);
  Letter letter;
  for (const TemplateSection& s : tmpl.sections) {
    if (s.kind == "header") {
      letter.blocks.push_back({LetterBlock::kAddress, FillDroppingEmptyLines(s.body, values)});
    } else if (s.kind == "subject") {
      letter.blocks.push_back({LetterBlock::kSubject, FillDroppingEmptyLines(s.body, values)});
    } else if (s.kind == "salutation" || s.kind == "closing") {
      letter.blocks.push_back({LetterBlock::kBody, FillDroppingEmptyLines(s.body, values)});
    }
    if (s.kind != "element") continue;
    bool wanted = false;
    for (const std::string& e : required.value()) wanted = wanted || e == s.element;
    if (!wanted) continue;
    letter.elements.insert(s.element);
    letter.blocks.push_back({LetterBlock::kHeading, s.heading});
    letter.blocks.push_back({LetterBlock::kBody, Fill(s.body, values, &letter.missing)});
  }
  return letter;
}

std::string LetterText(const Letter& letter) {
  std::string out;
  for (const LetterBlock& b : letter.blocks) out += b.text + "\n\n";
  return out;
}

}  // namespace breachscope
