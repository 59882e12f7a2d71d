// `breachscope case facts --case DIR`: writes the commented case.toml
// template into the case folder (never over an existing one), or prints it
// with --print. The privacy officer fills it in for `deadlines` and `report`.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "report/notice/case_facts.h"

namespace breachscope {
namespace {

int RunCaseFacts(const std::string& case_dir, bool print) {
  if (print) {
    std::cout << CaseFactsTemplate();
    return kExitOk;
  }
  const std::string path = case_dir + "/case.toml";
  if (std::filesystem::exists(path)) {
    std::cerr << "breachscope: " << path << " exists; edit it, or use --print for the template\n";
    return kExitFailure;
  }
  std::error_code ec;
  std::filesystem::create_directories(case_dir, ec);
  std::ofstream out(path);
  out << CaseFactsTemplate();
  if (!out.flush()) {
    std::cerr << "breachscope: cannot write " << path << "\n";
    return kExitFailure;
  }
  std::cout << "wrote " << path << ": fill in the organisation, the incident's dates and texts and the "
            << "regimes, then run `breachscope deadlines` and `breachscope report`\n";
  return kExitOk;
}

}  // namespace

void AddCaseFactsCommand(CLI::App* case_command, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  auto print = std::make_shared<bool>(false);
  CLI::App* facts = case_command->add_subcommand(
      "facts", "Write the case facts template (case.toml: organisation, dates, texts, regimes) into the case");
  facts->add_option("--case", *dir, "Case folder")->required();
  facts->add_flag("--print", *print, "Print the template instead of writing it");
  facts->callback([dir, print, exit_code] { *exit_code = RunCaseFacts(*dir, *print); });
}

}  // namespace breachscope
