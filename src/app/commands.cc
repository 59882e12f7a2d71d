#include "app/commands.h"

#include <iostream>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "store/case_store.h"

namespace breachscope {

std::unique_ptr<CaseStore> OpenExistingCase(const std::string& case_dir,
                                            int* exit_code) {
  Result<std::unique_ptr<CaseStore>> store = OpenCase(case_dir);
  if (!store.ok()) {
    std::cerr << "breachscope: cannot open case " << case_dir << ": "
              << store.status().message() << "\n";
    if (exit_code != nullptr) *exit_code = ExitCodeForCaseError(store.status());
    return nullptr;
  }
  return std::move(store).value();
}

int RunCommandLine(int argc, char** argv) {
  CLI::App app{
      "breachscope: finds personal health information in copies of stolen "
      "data and works out whose it is."};
  app.footer(kExitCodesHelp);
  app.require_subcommand(1);
  int exit_code = kExitOk;
  AddKeyFileOption(app);
  RegisterScanCommand(app, &exit_code);
  RegisterSummaryCommand(app, &exit_code);
  RegisterExportCommand(app, &exit_code);
  RegisterDetectorsCommand(app, &exit_code);
  RegisterVersionCommand(app, &exit_code);
  RegisterResolveCommand(app, &exit_code);
  RegisterReviewCommand(app, &exit_code);
  RegisterCaseCommand(app, &exit_code);
  RegisterAuditCommand(app, &exit_code);
  RegisterKeyCommands(app, &exit_code);
  RegisterDeadlinesCommand(app, &exit_code);
  RegisterReportCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}

}  // namespace breachscope
