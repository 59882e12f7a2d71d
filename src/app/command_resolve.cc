// `breachscope resolve` (findings -> person-records -> individuals and the
// review queue) and `breachscope export individuals`.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/case_access.h"
#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "app/individuals_access.h"
#include "report/individuals_export.h"
#include "resolve/resolver.h"
#include "store/case_store.h"
#include "subjects/person_records.h"

namespace breachscope {
namespace {

struct ResolveArgs {
  std::string case_dir;
  int threads = 0;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void PrintCounts(const SubjectStats& subjects, const Resolution& resolution,
                 size_t decisions) {
  // Counts only: nothing here may identify a person.
  std::cout << "individuals:    " << resolution.confidence.size() << "\n"
            << "person-records: " << resolution.individual_of.size() << " ("
            << subjects.patient_records << " patient, " << subjects.related_records
            << " related; " << subjects.attached_records << " attached by FHIR reference)\n"
            << "review pairs:   " << resolution.review.size() << "\n"
            << "decisions:      " << decisions << " applied\n"
            << "findings:       " << subjects.findings << " in " << subjects.items
            << " items; staff left out " << subjects.left_out.staff_findings
            << ", naming nobody " << subjects.left_out.unattributed_findings << "\n";
}

int RunResolve(const ResolveArgs& args) {
  int open_error = kExitFailure;
  std::unique_ptr<CaseStore> store = OpenExistingCase(args.case_dir, &open_error);
  if (!store) return open_error;
  const auto started = std::chrono::steady_clock::now();
  SubjectStats subjects;
  Result<SubjectRecords> records = BuildPersonRecords(*store, &subjects);
  const double grouping_seconds = SecondsSince(started);
  if (!records.ok()) {
    std::cerr << "breachscope: resolve: " << records.status().ToString() << "\n";
    return kExitFailure;
  }
  store.reset();  // one connection at a time writes the case
  std::unique_ptr<IndividualsStore> individuals = OpenCaseIndividuals(args.case_dir);
  if (!individuals) return CaseOpenExitCode(args.case_dir);
  Result<std::vector<ReviewDecision>> decisions = individuals->LoadDecisions();
  if (!decisions.ok()) {
    std::cerr << "breachscope: resolve: " << decisions.status().ToString() << "\n";
    return kExitFailure;
  }
  ResolveOptions options;
  options.threads = args.threads;
  const auto linking = std::chrono::steady_clock::now();
  const SubjectRecords& found = records.value();
  Resolution resolution =
      Resolve(std::span(found.records.data(), found.resolvable), decisions.value(), options);
  // Records attached by a FHIR reference belong to their patient's individual.
  for (uint32_t patient : found.attached_to) {
    resolution.individual_of.push_back(resolution.individual_of[patient]);
  }
  const double linking_seconds = SecondsSince(linking);
  Status saved = individuals->SaveResolution(found.records, resolution.individual_of,
                                             resolution.confidence, resolution.review);
  if (!saved.ok()) {
    std::cerr << "breachscope: resolve: " << saved.ToString() << "\n";
    return kExitFailure;
  }
  AuditEvent event;
  event.action = "resolve";
  event.counts = {{"person_records", resolution.individual_of.size()},
                  {"individuals", resolution.confidence.size()},
                  {"review_pairs", resolution.review.size()},
                  {"decisions", decisions.value().size()}};
  Status audited = RecordAudit(args.case_dir, event);
  if (!audited.ok()) {
    std::cerr << "breachscope: resolve: audit log: " << audited.message() << "\n";
  }
  PrintCounts(subjects, resolution, decisions.value().size());
  std::printf("time:           %.2f s person-records, %.2f s linking, %.2f s in all\n",
              grouping_seconds, linking_seconds, SecondsSince(started));
  return kExitOk;
}

}  // namespace

int CaseOpenExitCode(const std::string& case_dir) {
  Result<std::unique_ptr<Sealer>> sealer = LoadCaseSealer(case_dir);
  return sealer.ok() ? kExitFailure : ExitCodeForCaseError(sealer.status());
}

std::unique_ptr<IndividualsStore> OpenCaseIndividuals(const std::string& case_dir) {
  // The same sealer as OpenExistingCase, so both read what the other wrote.
  Result<std::unique_ptr<Sealer>> sealer = LoadCaseSealer(case_dir);
  if (!sealer.ok()) {
    std::cerr << "breachscope: cannot open case " << case_dir << ": "
              << sealer.status().message() << "\n";
    return nullptr;
  }
  Result<std::unique_ptr<IndividualsStore>> store =
      OpenSqliteIndividualsStore(case_dir, std::move(sealer).value());
  if (!store.ok()) {
    std::cerr << "breachscope: cannot open case " << case_dir << ": "
              << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(store).value();
}

int RunExportIndividuals(const std::string& case_dir, const std::string& format_text,
                         const ExportOutputOptions& options) {
  Result<ExportFormat> format = ParseExportFormat(format_text);
  if (!format.ok()) {
    std::cerr << "breachscope: " << format.status().message() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<IndividualsStore> store = OpenCaseIndividuals(case_dir);
  if (!store) return CaseOpenExitCode(case_dir);
  Result<IndividualsCounts> counts = store->Counts();
  if (counts.ok() && counts.value().individuals == 0) {
    std::cerr << "breachscope: no individuals in the case (run `breachscope resolve --case "
              << case_dir << "` first)\n";
  }
  Result<std::unique_ptr<ExportOutput>> output = ExportOutput::Open(
      case_dir, "individuals", options, counts.ok() ? counts.value().individuals : 0);
  if (!output.ok()) {
    std::cerr << "breachscope: export: " << output.status().message() << "\n";
    return output.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  ExportOutput& sink = *output.value();
  uint64_t count = 0;
  Status status = ExportIndividuals(*store, format.value(), sink.masked(), sink.out(), &count);
  if (status.ok()) status = sink.Finish(count);
  if (!status.ok()) {
    std::cerr << "breachscope: export failed: " << status.ToString() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

void RegisterResolveCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ResolveArgs>();
  CLI::App* cmd = app.add_subcommand(
      "resolve",
      "Group a case's findings into person-records and link them into individuals; "
      "unsure pairs go to the review queue (`breachscope review`). Prints counts only.");
  cmd->add_option("--case", args->case_dir, "Case folder")->required();
  cmd->add_option("--threads", args->threads, "Threads (default: all cores; same result)")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([args, exit_code] { *exit_code = RunResolve(*args); });
}

}  // namespace breachscope
