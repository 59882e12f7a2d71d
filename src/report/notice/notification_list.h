// The notification list: who gets a letter, where, in which language, about
// what — and who cannot be written to and must be reached another way.
#ifndef BREACHSCOPE_REPORT_NOTICE_NOTIFICATION_LIST_H_
#define BREACHSCOPE_REPORT_NOTICE_NOTIFICATION_LIST_H_

#include <string>

#include "report/notice/report_model.h"

namespace breachscope {

// Fills each person's jurisdiction, language, mailing address and regimes,
// and the model's counts by category and jurisdiction. Language is French
// for Québec residents and for addresses written in French ("rue",
// "chemin": francophones elsewhere), English otherwise. Every regime of the case applies
// to every person: the case lists the regimes the organisation is under.
void DeriveNotification(ReportModel* model);

// CSV for a mail house, one row per person with a usable mailing address:
// individual_id,name,street,city,region,postal_code,country,language,
// jurisdiction,categories (plain words in the person's language, "; ").
std::string MailingListCsv(const ReportModel& model);

// CSV of people with no usable mailing address: individual_id,name,
// jurisdiction,language,emails,phones,categories,reason.
std::string NoAddressCsv(const ReportModel& model);

// Plain text: how many people lack an address and the substitute-notice rule
// of each applicable regime (HIPAA's 10-person threshold applied).
std::string SubstituteNoticeText(const ReportModel& model);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_NOTIFICATION_LIST_H_
