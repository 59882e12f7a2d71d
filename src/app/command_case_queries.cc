// `breachscope summary`, `breachscope export findings`,
// `breachscope detectors list` and `breachscope version`: commands that read
// a case or the build and change nothing.
#include <fstream>
#include <iostream>

#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "app/individuals_access.h"
#include "app/export_output.h"
#include "common/mask.h"
#include "detect/detector_engine.h"
#include "report/findings_export.h"
#include "report/summary_json.h"
#include "report/summary_text.h"

#ifndef BREACHSCOPE_VERSION
#define BREACHSCOPE_VERSION "0.0.0"
#endif

namespace breachscope {
namespace {

constexpr size_t kErrorsListed = 20;
// JSON is for machines: list every error item, up to a sane bound.
constexpr size_t kErrorsListedJson = 100000;

int RunSummary(const std::string& case_dir, bool json) {
  int open_error = kExitFailure;
  std::unique_ptr<CaseStore> store = OpenExistingCase(case_dir, &open_error);
  if (!store) return open_error;
  Result<CaseSummary> summary = store->Summary();
  Result<std::vector<ErrorItem>> errors =
      store->ErrorItems(json ? kErrorsListedJson : kErrorsListed);
  if (!summary.ok() || !errors.ok()) {
    Status bad = summary.ok() ? errors.status() : summary.status();
    std::cerr << "breachscope: summary failed: " << bad.ToString() << "\n";
    return kExitFailure;
  }
  std::cout << (json ? RenderSummaryJson(summary.value(), errors.value())
                    : RenderSummaryText(summary.value(), errors.value()));
  return kExitOk;
}

struct ExportArgs {
  std::string what = "findings";
  std::string case_dir;
  std::string format = "jsonl";
  ExportOutputOptions output;
};

// Findings as ExportFindings writes them, values masked when asked.
Status WriteFindings(CaseStore& store, ExportFormat format, bool masked,
                     std::ostream& out, uint64_t* count) {
  if (!masked) return ExportFindings(store, format, out, count);
  *count = 0;
  if (format == ExportFormat::kCsv) out << FindingsCsvHeader() << '\n';
  StoredFinding copy;
  BS_RETURN_IF_ERROR(store.ForEachFinding([&](const StoredFinding& finding) {
    copy = finding;
    copy.finding.value = MaskValue(finding.finding.category, finding.finding.value);
    copy.finding.normalized =
        MaskValue(finding.finding.category, finding.finding.normalized);
    out << (format == ExportFormat::kJsonl ? FindingToJsonLine(copy)
                                           : FindingToCsvRow(copy))
        << '\n';
    ++*count;
  }));
  return out ? Status() : IoError("writing the export failed");
}

int RunExport(const ExportArgs& args) {
  if (args.what == "individuals") {
    return RunExportIndividuals(args.case_dir, args.format, args.output);
  }
  Result<ExportFormat> format = ParseExportFormat(args.format);
  if (!format.ok()) {
    std::cerr << "breachscope: " << format.status().message() << "\n";
    return kExitUsage;
  }
  int open_error = kExitFailure;
  std::unique_ptr<CaseStore> store = OpenExistingCase(args.case_dir, &open_error);
  if (!store) return open_error;
  Result<CaseSummary> summary = store->Summary();
  Result<std::unique_ptr<ExportOutput>> output = ExportOutput::Open(
      args.case_dir, "findings", args.output,
      summary.ok() ? summary.value().findings : 0);
  if (!output.ok()) {
    std::cerr << "breachscope: export: " << output.status().message() << "\n";
    return output.status().code() == StatusCode::kInvalidArgument ? kExitUsage
                                                                   : kExitFailure;
  }
  ExportOutput& sink = *output.value();
  uint64_t count = 0;
  Status status =
      WriteFindings(*store, format.value(), sink.masked(), sink.out(), &count);
  if (status.ok()) status = sink.Finish(count);
  if (!status.ok()) {
    std::cerr << "breachscope: export failed: " << status.ToString() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

int RunDetectorsList() {
  Result<std::unique_ptr<const DetectorEngine>> engine =
      DetectorEngine::Create(DetectOptions());
  if (!engine.ok()) {
    std::cerr << "breachscope: " << engine.status().ToString() << "\n";
    return kExitFailure;
  }
  for (const DetectorInfo& info : engine.value()->detectors()) {
    std::printf("%-18s %-24s %s\n", info.id.c_str(), info.category.c_str(),
                info.description.c_str());
  }
  return kExitOk;
}

}  // namespace

void RegisterSummaryCommand(CLI::App& app, int* exit_code) {
  auto case_dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "summary", "Print what a case holds: items read and not read, by format "
                 "and reason, and findings by category (no PHI).");
  cmd->add_option("--case", *case_dir, "Case folder")->required();
  cmd->add_flag("--json", *json, "One JSON object, every unread item listed");
  cmd->callback([case_dir, json, exit_code] {
    *exit_code = RunSummary(*case_dir, *json);
  });
}

void RegisterExportCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write findings out of a case, PHI in plain text (see the "
                "export contract in README.md).");
  cmd->add_option("what", args->what, "What to export: findings or individuals")
      ->check(CLI::IsMember({"findings", "individuals"}))
      ->required();
  cmd->add_option("--case", args->case_dir, "Case folder")->required();
  cmd->add_option("--format", args->format, "jsonl (default) or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  AddExportOutputOptions(cmd, &args->output);
  cmd->callback([args, exit_code] { *exit_code = RunExport(*args); });
}

void RegisterDetectorsCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("detectors", "List the detectors.");
  cmd->add_subcommand("list", "List every detector with its category")
      ->callback([exit_code] { *exit_code = RunDetectorsList(); });
  cmd->require_subcommand(1);
}

void RegisterVersionCommand(CLI::App& app, int* exit_code) {
  app.add_subcommand("version", "Print the version")->callback([exit_code] {
    std::cout << "breachscope " << BREACHSCOPE_VERSION << "\n";
    *exit_code = kExitOk;
  });
}

}  // namespace breachscope
