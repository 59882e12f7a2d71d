// `breachscope case init --case DIR` and `breachscope case rekey --case DIR`:
// creating a case with its key, and re-sealing it under a new key.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "store/audit_log.h"
#include "store/sodium_sealer.h"
#include "store/sqlite_rekey.h"

namespace breachscope {
namespace {

int RunCaseInit(const std::string& case_dir) {
  bool key_created = false;
  Status st = InitCase(case_dir, &key_created);
  if (!st.ok()) {
    std::cerr << "breachscope: case init: " << st.message() << "\n";
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage
                                                     : ExitCodeForCaseError(st);
  }
  std::cout << "case: " << case_dir << "\nkey: " << KeyFilePath(case_dir)
            << (key_created ? " (new; keep it apart from the case folder and "
                              "backed up: the case does not open without it)"
                            : " (existing key file)")
            << "\n";
  return kExitOk;
}

// Order matters for crash safety: the new key is on disk (KEY.new) before
// the database changes, and replaces KEY only after the database and the
// audit log are under it. Stopped in between, KEY.new opens the case.
int RunCaseRekey(const std::string& case_dir) {
  const std::string key_path = KeyFilePath(case_dir);
  const std::string new_path = key_path + ".new";
  Result<CaseKey> old_key = LoadCaseKey(case_dir);
  if (!old_key.ok()) {
    std::cerr << "breachscope: case rekey: " << old_key.status().message() << "\n";
    return kExitKey;
  }
  const CaseKey new_key = CaseKey::Generate();
  Status st = WriteKeyFile(new_path, new_key);
  if (!st.ok()) {
    std::cerr << "breachscope: case rekey: " << st.message()
              << " (left by an interrupted rekey? if the case opens with it, "
                 "move it over " << key_path << ")\n";
    return kExitFailure;
  }
  Result<RekeyCounts> counts = RekeySqliteCase(
      case_dir, *NewSodiumSealer(old_key.value()), *NewSodiumSealer(new_key));
  if (!counts.ok()) {
    std::remove(new_path.c_str());  // the case is still under the old key
    std::cerr << "breachscope: case rekey: " << counts.status().message() << "\n";
    return ExitCodeForCaseError(counts.status());
  }
  st = RechainAudit(case_dir, old_key.value(), new_key);
  if (st.ok() && std::rename(new_path.c_str(), key_path.c_str()) != 0) {
    st = IoError("cannot move " + new_path + " over " + key_path);
  }
  if (!st.ok()) {
    std::cerr << "breachscope: case rekey: the case is sealed with the new key "
                 "in " << new_path << " but: " << st.message() << "\n";
    return kExitFailure;
  }
  (void)AppendAudit(case_dir, new_key,
                    {"rekey", "all values re-sealed under a new key",
                     {{"values", counts.value().values}}});
  std::cout << "re-sealed " << counts.value().values << " values ("
            << counts.value().rows << " rows) under a new key in " << key_path
            << " (fingerprint " << new_key.Fingerprint() << ")\n";
  return kExitOk;
}

}  // namespace

void RegisterCaseCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "case", "Create a case with its key, or re-seal it under a new key.");
  cmd->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  CLI::App* init = cmd->add_subcommand(
      "init", "Create an empty case and its key file (mode 0600; default "
              "DIR.key beside the folder, or --key-file).");
  init->add_option("--case", *dir, "Case folder")->required();
  init->callback([dir, exit_code] { *exit_code = RunCaseInit(*dir); });
  CLI::App* rekey = cmd->add_subcommand(
      "rekey", "Re-seal every value of the case under a new key, which "
               "replaces the key file.");
  rekey->add_option("--case", *dir, "Case folder")->required();
  rekey->callback([dir, exit_code] { *exit_code = RunCaseRekey(*dir); });
  AddCaseFactsCommand(cmd, exit_code);
}

}  // namespace breachscope
