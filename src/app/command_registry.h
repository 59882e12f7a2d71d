// Registration of subcommands. Each command lives in its own file
// (command_scan.cc, ...) and adds itself to the CLI11 parser here; the
// callback stores the exit code in *exit_code.
#ifndef BREACHSCOPE_APP_COMMAND_REGISTRY_H_
#define BREACHSCOPE_APP_COMMAND_REGISTRY_H_

#include <CLI/CLI.hpp>

namespace breachscope {

void RegisterScanCommand(CLI::App& app, int* exit_code);
void RegisterSummaryCommand(CLI::App& app, int* exit_code);
void RegisterExportCommand(CLI::App& app, int* exit_code);
void RegisterDetectorsCommand(CLI::App& app, int* exit_code);
void RegisterVersionCommand(CLI::App& app, int* exit_code);
void RegisterResolveCommand(CLI::App& app, int* exit_code);
void RegisterReviewCommand(CLI::App& app, int* exit_code);
void RegisterCaseCommand(CLI::App& app, int* exit_code);
void RegisterAuditCommand(CLI::App& app, int* exit_code);
void RegisterKeyCommands(CLI::App& app, int* exit_code);  // keygen, decrypt
void RegisterDeadlinesCommand(CLI::App& app, int* exit_code);
void RegisterReportCommand(CLI::App& app, int* exit_code);
// `case facts`, added under `case` by RegisterCaseCommand.
void AddCaseFactsCommand(CLI::App* case_command, int* exit_code);

// Shared by commands that open an existing case, with its key (see
// app/case_access.h): returns nullptr and prints the reason when the folder
// holds no case or the key is missing or wrong; `*exit_code`, when given,
// is then set to the exit code to return (kExitKey for key problems).
class CaseStore;
std::unique_ptr<CaseStore> OpenExistingCase(const std::string& case_dir,
                                            int* exit_code = nullptr);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_COMMAND_REGISTRY_H_
