// Building the ReportModel from the case.
#include <algorithm>

#include "report/individuals_export.h"
#include "report/notice/notification_list.h"
#include "report/notice/report_bundle.h"

namespace breachscope {
namespace {

AffectedPerson FromRow(const IndividualRow& row) {
  AffectedPerson p;
  p.id = std::to_string(row.individual_id);
  p.names = row.names;
  p.dates_of_birth = row.dates_of_birth;
  for (const auto& [jurisdiction, number] : row.health_numbers) p.health_numbers.push_back({jurisdiction, number});
  p.emails = row.emails;
  p.phones = row.phones;
  p.addresses = row.addresses;
  p.categories = row.categories;
  p.sources = row.sources;
  p.confidence = row.confidence;
  return p;
}

}  // namespace

Result<ReportModel> BuildReportModel(CaseStore& cases, IndividualsStore& individuals,
                                     const CaseFacts& facts, const RegimeBook& book, CalendarDate today) {
  ReportModel model;
  model.generated_on = today;
  model.facts = facts;
  model.book = &book;
  for (const std::string& id : facts.regimes) model.regimes.push_back(book.Find(id));
  Result<CaseSummary> summary = cases.Summary();
  if (!summary.ok()) return summary.status();
  model.coverage = summary.value();
  Result<std::vector<PersonRecord>> records = individuals.LoadPersonRecords();
  if (!records.ok()) return records.status();
  Result<std::vector<StoredIndividual>> stored = individuals.LoadIndividuals();
  if (!stored.ok()) return stored.status();
  for (const StoredIndividual& individual : stored.value()) {
    model.people.push_back(FromRow(MakeIndividualRow(individual, records.value())));
  }
  DeriveNotification(&model);
  AffectedCounts counts;
  counts.individuals = model.people.size();
  counts.by_jurisdiction = model.people_by_jurisdiction;
  model.deadlines = ComputeDeadlines(book, facts, counts, today);
  return model;
}

}  // namespace breachscope
