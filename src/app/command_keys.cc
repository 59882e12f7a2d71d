// `breachscope keygen --out NAME` and `breachscope decrypt FILE --key NAME.sec`:
// the recipient's side of `export ... --encrypt-to NAME.pub`.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "common/owner_only_file.h"
#include "store/recipient_box.h"

namespace breachscope {
namespace {

int RunKeygen(const std::string& base) {
  Status st = GenerateRecipientKeys(base);
  if (!st.ok()) {
    std::cerr << "breachscope: keygen: " << st.message() << "\n";
    return kExitFailure;
  }
  std::cout << "public key: " << base << ".pub (give it to whoever exports "
            << "for you: --encrypt-to " << base << ".pub)\nsecret key: " << base
            << ".sec (mode 0600; keep it)\n";
  return kExitOk;
}

struct DecryptArgs {
  std::string input;
  std::string secret_key;
  std::string output;
};

int RunDecrypt(const DecryptArgs& args) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  const std::string partial = args.output + ".partial";
  if (!args.output.empty()) {
    // Owner-only from the start: the plain text is PHI.
    if (!CreateOwnerOnly(partial).ok()) {
      std::cerr << "breachscope: cannot write " << partial << "\n";
      return kExitFailure;
    }
    file.open(partial, std::ios::binary | std::ios::trunc);
    out = &file;
  }
  Status st = DecryptSealedFile(args.input, args.secret_key, *out);
  if (!args.output.empty()) {
    file.close();
    // Nothing half-authenticated is left under the final name.
    if (!st.ok() || std::rename(partial.c_str(), args.output.c_str()) != 0) {
      std::remove(partial.c_str());
      if (st.ok()) st = IoError("cannot create " + args.output);
    }
  }
  if (!st.ok()) {
    std::cerr << "breachscope: decrypt: " << st.message() << "\n";
    return st.code() == StatusCode::kEncrypted ? kExitKey : kExitFailure;
  }
  if (!args.output.empty()) {
    std::cerr << "breachscope: wrote " << args.output
              << " (PHI in plain text, mode 0600)\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterKeyCommands(CLI::App& app, int* exit_code) {
  auto base = std::make_shared<std::string>();
  CLI::App* keygen = app.add_subcommand(
      "keygen", "Make a key pair for receiving sealed exports: NAME.pub and "
                "NAME.sec.");
  keygen->add_option("--out", *base, "Key pair name (files NAME.pub, NAME.sec)")
      ->required();
  keygen->callback([base, exit_code] { *exit_code = RunKeygen(*base); });

  auto args = std::make_shared<DecryptArgs>();
  CLI::App* decrypt = app.add_subcommand(
      "decrypt", "Open an export sealed with --encrypt-to, with the secret key.");
  decrypt->add_option("file", args->input, "Sealed export")->required();
  decrypt->add_option("--key", args->secret_key, "Secret key file (NAME.sec)")
      ->required();
  decrypt->add_option("-o,--output", args->output,
                      "Plain file to write, mode 0600 (default: stdout)");
  decrypt->callback([args, exit_code] { *exit_code = RunDecrypt(*args); });
}

}  // namespace breachscope
