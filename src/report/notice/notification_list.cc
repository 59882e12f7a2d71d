#include "report/notice/notification_list.h"

#include <sstream>

#include "report/csv_quote.h"
#include "report/notice/mailing_address.h"

namespace breachscope {
namespace {

std::string Join(const std::vector<std::string>& items, const char* sep = "; ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string CategoriesInWords(const AffectedPerson& p) {
  std::vector<std::string> words;
  for (const std::string& c : p.categories) words.push_back(CategoryWords(c, p.language == "fr"));
  return Join(words);
}

std::string DisplayName(const AffectedPerson& p) { return p.names.empty() ? "" : p.names.front(); }

std::string NoAddressReason(const AffectedPerson& p) {
  return p.addresses.empty() ? "no address found" : "no complete address (street and a valid postal code)";
}

}  // namespace

void DeriveNotification(ReportModel* model) {
  model->people_by_category.clear();
  model->people_by_jurisdiction.clear();
  for (AffectedPerson& p : model->people) {
    p.jurisdiction = JurisdictionOf(p);
    p.mailing.reset();
    for (const std::string& line : p.addresses) {
      if ((p.mailing = ParseMailingAddress(line))) break;
    }
    p.language = p.jurisdiction == "QC" || (p.mailing && WrittenInFrench(*p.mailing)) ? "fr" : "en";
    p.regimes = model->facts.regimes;
    for (const std::string& c : p.categories) ++model->people_by_category[c];
    ++model->people_by_jurisdiction[p.jurisdiction];
  }
}

std::string MailingListCsv(const ReportModel& model) {
  std::ostringstream out;
  out << "individual_id,name,street,city,region,postal_code,country,language,jurisdiction,categories\n";
  for (const AffectedPerson& p : model.people) {
    if (!p.mailing) continue;
    const MailingAddress& a = *p.mailing;
    for (const std::string& field : {p.id, DisplayName(p), a.street, a.city, a.region, a.postal_code,
                                     a.country, p.language, p.jurisdiction}) {
      out << CsvQuote(field) << ',';
    }
    out << CsvQuote(CategoriesInWords(p)) << '\n';
  }
  return out.str();
}

std::string NoAddressCsv(const ReportModel& model) {
  std::ostringstream out;
  out << "individual_id,name,jurisdiction,language,emails,phones,categories,reason\n";
  for (const AffectedPerson& p : model.people) {
    if (p.mailing) continue;
    for (const std::string& field : {p.id, DisplayName(p), p.jurisdiction, p.language,
                                     Join(p.emails), Join(p.phones), CategoriesInWords(p)}) {
      out << CsvQuote(field) << ',';
    }
    out << CsvQuote(NoAddressReason(p)) << '\n';
  }
  return out.str();
}

std::string SubstituteNoticeText(const ReportModel& model) {
  size_t without = 0, with_contact = 0;
  for (const AffectedPerson& p : model.people) {
    if (p.mailing) continue;
    ++without;
    if (!p.emails.empty() || !p.phones.empty()) ++with_contact;
  }
  std::ostringstream out;
  out << "People without a usable mailing address: " << without << " of " << model.people.size()
      << " (" << with_contact << " of them with an e-mail address or phone number).\n";
  if (without == 0) return out.str();
  for (const Regime* r : model.regimes) {
    out << "\n" << r->name << ":\n  " << r->substitute_notice << "\n";
    if (r->id == "hipaa") {
      out << "  Here: " << without << (without >= 10 ? " people (10 or more): web or media notice required.\n"
                                                     : " people (fewer than 10): an alternative written, phone or other notice.\n");
    }
  }
  return out.str();
}

}  // namespace breachscope
