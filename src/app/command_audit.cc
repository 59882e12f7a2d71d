// `breachscope audit verify --case DIR`: checks the case's audit log chain.
#include <iostream>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "store/audit_log.h"

namespace breachscope {
namespace {

int RunAuditVerify(const std::string& case_dir) {
  if (!CaseExists(case_dir)) {
    std::cerr << "breachscope: no case in " << case_dir << "\n";
    return kExitFailure;
  }
  Result<CaseKey> key = LoadCaseKey(case_dir);
  if (!key.ok()) {
    std::cerr << "breachscope: audit verify: " << key.status().message() << "\n";
    return kExitKey;
  }
  Result<AuditCheck> check = VerifyAudit(case_dir, key.value());
  if (!check.ok()) {
    std::cout << "audit log FAILED verification: " << check.status().message()
              << "\n";
    return check.status().code() == StatusCode::kCorrupt ? kExitTampered
                                                         : kExitFailure;
  }
  std::cout << "audit log intact: " << check.value().entries
            << " entries, last at " << check.value().last_time << "\n";
  return kExitOk;
}

}  // namespace

void RegisterAuditCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "audit", "The case's append-only audit log of scans, exports and reveals.");
  cmd->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  CLI::App* verify = cmd->add_subcommand(
      "verify", "Check that no audit entry was edited, inserted, removed or "
                "cut off (exit 6 if one was).");
  verify->add_option("--case", *dir, "Case folder")->required();
  verify->callback([dir, exit_code] { *exit_code = RunAuditVerify(*dir); });
}

}  // namespace breachscope
