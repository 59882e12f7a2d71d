// `breachscope report --case DIR --out DIR`: the notification bundle (list,
// letters, regulator reports, deadlines, HTML summary) from the resolved
// individuals and case.toml. See report/notice/report_bundle.h.
#include <iostream>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "app/individuals_access.h"
#include "app/notice_inputs.h"
#include "report/notice/report_bundle.h"

namespace breachscope {
namespace {

struct ReportArgs {
  std::string case_dir;
  std::string out_dir;
  std::string as_of;
};

void PrintResult(const ReportModel& model, const BundleResult& result, const std::string& out_dir) {
  std::cout << "Report written to " << out_dir << "\n"
            << "  individuals:        " << model.people.size() << " (" << result.mailable
            << " with a mailing address, " << result.without_address << " without)\n"
            << "  letters:            " << result.letters << " (" << result.letter_pages
            << " pages in letters/all_letters.pdf)\n"
            << "  regulator reports:  " << result.regulator_reports << "\n";
  if (!result.missing.empty()) {
    std::cout << "  MISSING facts (" << result.missing.size()
              << "), listed in MISSING.txt: letters and reports are drafts until case.toml has them\n";
  }
  std::cerr << "breachscope: warning: " << out_dir
            << " holds personal health information in plain text (files are 0600)\n";
}

int RunReport(const ReportArgs& args) {
  int exit_code = kExitFailure;
  std::optional<NoticeInputs> inputs = LoadNoticeInputs(args.case_dir, args.as_of, &exit_code);
  if (!inputs) return exit_code;
  const CalendarDate today = inputs->today;
  const RegimeBook& book = BuiltinRegimeBook();
  std::unique_ptr<CaseStore> cases = OpenExistingCase(args.case_dir, &exit_code);
  if (!cases) return exit_code;
  std::unique_ptr<IndividualsStore> individuals = OpenCaseIndividuals(args.case_dir);
  if (!individuals) return kExitFailure;
  Result<ReportModel> model = BuildReportModel(*cases, *individuals, inputs->facts, book, today);
  if (!model.ok()) {
    std::cerr << "breachscope: report failed: " << model.status().message() << "\n";
    return kExitFailure;
  }
  if (model.value().people.empty()) {
    std::cerr << "breachscope: no individuals in the case: run `breachscope resolve --case "
              << args.case_dir << "` first\n";
    return kExitFailure;
  }
  Status recorded = RecordAudit(args.case_dir, {"report", "notification bundle to " + args.out_dir,
                                                {{"individuals", model.value().people.size()}}});
  if (!recorded.ok()) {
    std::cerr << "breachscope: cannot record the report in the audit log: " << recorded.message() << "\n";
    return kExitFailure;
  }
  Result<BundleResult> result = WriteReportBundle(model.value(), args.case_dir, args.out_dir);
  if (!result.ok()) {
    std::cerr << "breachscope: report failed: " << result.status().message() << "\n";
    return kExitFailure;
  }
  PrintResult(model.value(), result.value(), args.out_dir);
  return kExitOk;
}

}  // namespace

void RegisterReportCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Notification list, letters, regulator reports, deadlines and HTML summary into one folder");
  cmd->add_option("--case", args->case_dir, "Case folder (with case.toml, after resolve)")->required();
  cmd->add_option("--out", args->out_dir, "Folder to write (created 0700; holds PHI)")->required();
  cmd->add_option("--as-of", args->as_of, "Date the letters and deadlines are computed for (YYYY-MM-DD)");
  cmd->callback([args, exit_code] { *exit_code = RunReport(*args); });
}

}  // namespace breachscope
