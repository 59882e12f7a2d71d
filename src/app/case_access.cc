#include "app/case_access.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/exit_codes.h"
#include "store/case_meta.h"
#include "store/sodium_sealer.h"

namespace breachscope {
namespace {

// Set once while the command line is parsed, read by commands afterwards.
std::string& KeyFileOption() {
  static std::string path;
  return path;
}

bool IsKeyProblem(const Status& status) {
  return status.code() == StatusCode::kEncrypted;
}

// A key file readable by others is a leak waiting to happen; say so.
void WarnIfKeyFileOpen(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) != 0) {
    std::cerr << "breachscope: warning: key file " << path
              << " is readable by other users (chmod 600 it)\n";
  }
}

}  // namespace

void AddKeyFileOption(CLI::App& app) {
  app.fallthrough();
  app.add_option("--key-file", KeyFileOption(),
                 "Case key file (default: $BREACHSCOPE_KEY_FILE, else DIR.key "
                 "beside the case folder DIR)");
  AddPassphraseOption(app);
}

std::string KeyFilePath(const std::string& case_dir) {
  if (!KeyFileOption().empty()) return KeyFileOption();
  const char* env = std::getenv("BREACHSCOPE_KEY_FILE");
  if (env != nullptr && *env != '\0') return env;
  return DefaultKeyPath(case_dir);
}

bool CaseExists(const std::string& case_dir) {
  struct stat info;
  return ::stat((case_dir + "/case.db").c_str(), &info) == 0;
}

Result<CaseKey> LoadCaseKey(const std::string& case_dir) {
  if (IsPassphraseCase(case_dir)) return DerivePassphraseKey(case_dir);
  const std::string path = KeyFilePath(case_dir);
  Result<CaseKey> key = ReadKeyFile(path);
  if (!key.ok()) {
    if (key.status().code() == StatusCode::kNotFound) {
      return Encrypted("no case key at " + path +
                       " (name it with --key-file or BREACHSCOPE_KEY_FILE)");
    }
    return Encrypted(key.status().message());
  }
  WarnIfKeyFileOpen(path);
  return key;
}

Result<std::unique_ptr<Sealer>> LoadCaseSealer(const std::string& case_dir) {
  Result<CaseKey> key = LoadCaseKey(case_dir);
  if (!key.ok()) return key.status();
  // The scheme the case records (a case made before SipHash keeps BLAKE2b),
  // or the new-case scheme when there is no case yet.
  return NewCaseSealer(case_dir, key.value());
}

namespace {

// A new case under a key derived from a new passphrase. The parameters are
// recorded right after the schema; stopped in between, the folder holds an
// empty case that opens with nothing, and `case init` says so.
Status InitPassphraseCase(const std::string& case_dir,
                          const NewKeyOptions& options) {
  // `--passphrase-env VAR` names the passphrase that opens the case, so a
  // case created by it is created with it.
  const std::string env =
      options.passphrase_env.empty() ? PassphraseEnvName() : options.passphrase_env;
  Result<std::string> passphrase = ReadNewPassphrase(env, "BREACHSCOPE_PASSPHRASE");
  if (!passphrase.ok()) return passphrase.status();
  const PassphraseKdf kdf = PassphraseKdf::Fresh(options.strength);
  Result<CaseKey> key = DeriveCaseKey(passphrase.value(), kdf);
  if (!key.ok()) return key.status();
  // A new case: the new-case scheme.
  Result<std::unique_ptr<CaseStore>> store =
      OpenSqliteCaseStore(case_dir, NewSodiumSealer(key.value()));
  if (!store.ok()) return store.status();
  store.value().reset();
  BS_RETURN_IF_ERROR(WriteCaseMeta(case_dir, std::string(kPassphraseKdfMeta), kdf.ToText()));
  RememberCaseKey(case_dir, key.value());
  return {};
}

}  // namespace

Status InitCase(const std::string& case_dir, const NewKeyOptions& options,
                bool* key_created) {
  if (CaseExists(case_dir)) {
    return InvalidArgument("a case already exists in " + case_dir);
  }
  BS_RETURN_IF_ERROR(EnsureSodium());
  *key_created = true;
  if (options.passphrase) {
    BS_RETURN_IF_ERROR(InitPassphraseCase(case_dir, options));
  } else {
    const std::string path = KeyFilePath(case_dir);
    *key_created = !std::filesystem::exists(path);
    if (*key_created) BS_RETURN_IF_ERROR(WriteKeyFile(path, CaseKey::Generate()));
    Result<std::unique_ptr<Sealer>> sealer = LoadCaseSealer(case_dir);
    if (!sealer.ok()) return sealer.status();
    // Opening an empty folder creates the schema and records the key check.
    Result<std::unique_ptr<CaseStore>> store =
        OpenSqliteCaseStore(case_dir, std::move(sealer).value());
    if (!store.ok()) return store.status();
  }
  // The first entry starts the chain, so a case never lacks an audit log.
  const char* how = options.passphrase ? "passphrase key"
                    : *key_created     ? "new key"
                                       : "given key";
  return RecordAudit(case_dir, {"init", how, {}});
}

Result<std::unique_ptr<CaseStore>> OpenCase(const std::string& case_dir) {
  if (!CaseExists(case_dir)) {
    return NotFound("no case in " + case_dir + " (run `breachscope scan PATH "
                    "--case " + case_dir + "` or `breachscope case init` first)");
  }
  Result<std::unique_ptr<Sealer>> sealer = LoadCaseSealer(case_dir);
  if (!sealer.ok()) return sealer.status();
  return OpenSqliteCaseStore(case_dir, std::move(sealer).value());
}

Result<std::unique_ptr<CaseStore>> OpenOrCreateCase(const std::string& case_dir) {
  if (!CaseExists(case_dir)) {
    bool key_created = false;
    NewKeyOptions options;
    options.passphrase = !PassphraseEnvName().empty();
    BS_RETURN_IF_ERROR(InitCase(case_dir, options, &key_created));
    if (options.passphrase) {
      std::cerr << "breachscope: new case " << case_dir
                << "; its key is derived from the passphrase (keep it safe: "
                   "the case does not open without it)\n";
    } else if (key_created) {
      std::cerr << "breachscope: new case " << case_dir << "; its key is in "
                << KeyFilePath(case_dir)
                << " (keep it apart from the case: the case does not open "
                   "without it)\n";
    }
  }
  return OpenCase(case_dir);
}

Status RecordAudit(const std::string& case_dir, const AuditEvent& event) {
  Result<CaseKey> key = LoadCaseKey(case_dir);
  if (!key.ok()) return key.status();
  return AppendAudit(case_dir, key.value(), event);
}

int ExitCodeForCaseError(const Status& status) {
  return IsKeyProblem(status) ? kExitKey : kExitFailure;
}

}  // namespace breachscope
