// Helpers for end-to-end tests: temporary folders, running the breachscope
// binary and the share generator as child processes, reading their output.
#ifndef BREACHSCOPE_TESTS_TEST_SUPPORT_H_
#define BREACHSCOPE_TESTS_TEST_SUPPORT_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace breachscope::e2e {

// A fresh folder under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct ProcessResult {
  int exit_code = -1;      // -1 when killed by a signal
  std::string out;         // stdout
  std::string err;         // stderr
  long max_rss_kb = 0;     // peak resident memory of the child
};

// Runs argv[0] with arguments, waits, captures output.
ProcessResult RunProcess(const std::vector<std::string>& argv);
// Starts argv without waiting; output discarded. Returns the pid.
pid_t Spawn(const std::vector<std::string>& argv);
// SIGKILLs pid after `delay_ms` unless it ended before; true if it was killed.
bool KillAfter(pid_t pid, int delay_ms);

std::string BinaryPath();     // the built breachscope
std::string GeneratorPath();  // tools/generate_share.py
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);
std::vector<std::string> ReadLines(const std::string& path);

}  // namespace breachscope::e2e

#endif  // BREACHSCOPE_TESTS_TEST_SUPPORT_H_
