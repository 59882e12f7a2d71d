#include "app/commands.h"

#include <sys/stat.h>

#include <iostream>

#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "store/case_store.h"

namespace breachscope {

std::unique_ptr<CaseStore> OpenExistingCase(const std::string& case_dir) {
  struct stat info;
  std::string db = case_dir + "/case.db";
  if (::stat(db.c_str(), &info) != 0) {
    std::cerr << "breachscope: no case in " << case_dir
              << " (run `breachscope scan PATH --case " << case_dir
              << "` first)\n";
    return nullptr;
  }
  Result<std::unique_ptr<CaseStore>> store =
      OpenSqliteCaseStore(case_dir, NewPlainSealer());
  if (!store.ok()) {
    std::cerr << "breachscope: cannot open case " << case_dir << ": "
              << store.status().ToString() << "\n";
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
  RegisterScanCommand(app, &exit_code);
  RegisterSummaryCommand(app, &exit_code);
  RegisterExportCommand(app, &exit_code);
  RegisterDetectorsCommand(app, &exit_code);
  RegisterVersionCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}

}  // namespace breachscope
