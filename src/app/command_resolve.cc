// `breachscope resolve` (findings -> person-records -> individuals and the
// review queue) and `breachscope export individuals`.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "app/individuals_access.h"
#include "report/individuals_export.h"
#include "resolve/resolver.h"
#include "store/case_store.h"
#include "subjects/person_records.h"
#include "subjects/record_links.h"

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

// Where each person-record goes in the store: records to resolve at idx
// 0..resolvable-1 in store order, then those attached to a patient's
// record by a FHIR reference.
struct Placement {
  int64_t resolvable = 0;
  std::vector<uint32_t> attached_to;  // per attached record: its patient's idx
};

void CountKept(const PersonRecord& r, SubjectStats* stats) {
  ++(r.role == Role::kRelated ? stats->related_records : stats->patient_records);
}

// Writes every person-record as it is made. A record referring to its
// patient waits at a negative idx until every item is read; then it joins
// the records to resolve (its patient not found, but it names someone),
// is attached (after them), or is dropped (it names nobody).
Status WriteRecords(CaseStore& store, IndividualsStore& out, SubjectStats* stats,
                    Placement* placed) {
  RecordLinker linker;
  int64_t next = 0, waiting = 0;
  BS_RETURN_IF_ERROR(ForEachPersonRecord(store, stats, [&](PersonRecord&& r) {
    const int64_t idx = r.link_ref.empty() ? next++ : -(++waiting);
    linker.Add(idx, r);
    if (idx >= 0) CountKept(r, stats);
    return out.AddRecord(idx, r);
  }));
  const std::vector<RecordLinker::Link> links = linker.Links();
  std::vector<uint32_t> attached_to;
  for (const RecordLinker::Link& link : links) {
    if (link.target >= 0) continue;
    if (!link.names_someone) {
      ++stats->left_out.dropped_records;
      stats->left_out.unattributed_findings += link.findings;
      BS_RETURN_IF_ERROR(out.DropRecord(link.handle));
      continue;
    }
    ++stats->patient_records;
    BS_RETURN_IF_ERROR(out.MoveRecord(link.handle, next++));
  }
  placed->resolvable = next;
  for (const RecordLinker::Link& link : links) {
    if (link.target < 0) continue;
    ++stats->patient_records;
    ++stats->attached_records;
    placed->attached_to.push_back(static_cast<uint32_t>(link.target));
    BS_RETURN_IF_ERROR(out.MoveRecord(link.handle, next++));
  }
  return {};
}

// Resolves the records to resolve, read back from the store one at a time,
// and gives attached records their patient's individual.
Result<Resolution> ResolveStored(IndividualsStore& out, const Placement& placed,
                                 const std::vector<ReviewDecision>& decisions,
                                 const ResolveOptions& options) {
  Result<std::unique_ptr<PersonRecordReader>> reader = out.ReadRecords(placed.resolvable);
  if (!reader.ok()) return reader.status();
  Status read_error;
  RecordSource next = [&](PersonRecord* record) {
    Result<bool> more = reader.value()->Next(record);
    if (!more.ok()) read_error = more.status();
    return more.ok() && more.value();
  };
  Resolution resolution =
      Resolve(next, static_cast<size_t>(placed.resolvable), decisions, options);
  if (!read_error.ok()) return read_error;
  if (resolution.individual_of.size() != static_cast<size_t>(placed.resolvable)) {
    return Internal("resolve: person-records changed while read");
  }
  for (uint32_t patient : placed.attached_to) {
    resolution.individual_of.push_back(resolution.individual_of[patient]);
  }
  return resolution;
}

int Fail(const Status& status, IndividualsStore* individuals = nullptr) {
  if (individuals != nullptr) individuals->AbortSave();
  std::cerr << "breachscope: resolve: " << status.ToString() << "\n";
  return kExitFailure;
}

// Records are written to the case as they are made and read back one at a
// time by the resolver, so memory holds the resolver's compact form of
// each record, not the records themselves (a million records: 1.9 GB held
// whole). The save is one transaction: a failed run leaves the last one.
int RunResolve(const ResolveArgs& args) {
  int open_error = kExitFailure;
  std::unique_ptr<CaseStore> store = OpenExistingCase(args.case_dir, &open_error);
  if (!store) return open_error;
  // A second connection writes person-records while the first reads
  // findings (WAL: the reader is not blocked).
  std::unique_ptr<IndividualsStore> individuals = OpenCaseIndividuals(args.case_dir);
  if (!individuals) return CaseOpenExitCode(args.case_dir);
  Result<std::vector<ReviewDecision>> decisions = individuals->LoadDecisions();
  if (!decisions.ok()) return Fail(decisions.status());
  const auto started = std::chrono::steady_clock::now();
  SubjectStats subjects;
  Placement placed;
  Status st = individuals->BeginSave();
  if (!st.ok()) return Fail(st);
  st = WriteRecords(*store, *individuals, &subjects, &placed);
  if (!st.ok()) return Fail(st, individuals.get());
  store.reset();
  const double grouping_seconds = SecondsSince(started);
  ResolveOptions options;
  options.threads = args.threads;
  const auto linking = std::chrono::steady_clock::now();
  Result<Resolution> resolved =
      ResolveStored(*individuals, placed, decisions.value(), options);
  if (!resolved.ok()) return Fail(resolved.status(), individuals.get());
  const Resolution& resolution = resolved.value();
  const double linking_seconds = SecondsSince(linking);
  st = individuals->EndSave(resolution.individual_of, resolution.confidence, resolution.review);
  if (!st.ok()) return Fail(st);
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
