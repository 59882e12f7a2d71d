// `breachscope deadlines --case DIR`: every applicable regime's obligations,
// each dated from its own anchor in case.toml, with days left or overdue.
// Reads only case.toml (no PHI), so it needs no key.
#include <iostream>

#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "app/notice_inputs.h"
#include "report/notice/deadlines.h"

namespace breachscope {
namespace {

struct DeadlinesArgs {
  std::string case_dir;
  std::string as_of;
  bool json = false;
};

int RunDeadlines(const DeadlinesArgs& args) {
  int exit_code = kExitFailure;
  std::optional<NoticeInputs> inputs = LoadNoticeInputs(args.case_dir, args.as_of, &exit_code);
  if (!inputs) return exit_code;
  const CalendarDate today = inputs->today;
  const RegimeBook& book = BuiltinRegimeBook();
  // Counts of affected people refine some obligations (HIPAA's 500); until
  // individuals are resolved the rules assume the larger breach.
  std::vector<DeadlineRow> rows = ComputeDeadlines(book, inputs->facts, AffectedCounts{}, today);
  std::cout << (args.json ? RenderDeadlinesJson(rows, today) : RenderDeadlinesText(rows, today));
  return kExitOk;
}

}  // namespace

void RegisterDeadlinesCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<DeadlinesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "deadlines", "Each regime's deadlines from its own anchor date in case.toml: days left or overdue");
  cmd->add_option("--case", args->case_dir, "Case folder (holding case.toml)")->required();
  cmd->add_option("--as-of", args->as_of, "Count days from this date (YYYY-MM-DD) instead of today");
  cmd->add_flag("--json", args->json, "JSON instead of text");
  cmd->callback([args, exit_code] { *exit_code = RunDeadlines(*args); });
}

}  // namespace breachscope
