// Nonces of SodiumSealer::Seal come from a per-thread pool of random bytes:
// none may ever repeat, across refills, threads and fork().
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/case_key.h"
#include "store/sodium_sealer.h"

namespace breachscope {
namespace {

constexpr size_t kNonceBytes = 24;

std::string NonceOf(const std::string& sealed) {
  return sealed.substr(0, kNonceBytes);
}

TEST(SodiumNonceTest, NoNonceRepeatsAcrossRefillsAndThreads) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  constexpr int kThreads = 4;
  constexpr int kSealsPerThread = 2000;  // about 12 pool refills each
  std::vector<std::vector<std::string>> nonces(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kSealsPerThread; ++i) {
        nonces[t].push_back(NonceOf(sealer->Seal("046 454 286")));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> seen;
  for (const auto& list : nonces) seen.insert(list.begin(), list.end());
  EXPECT_EQ(seen.size(), static_cast<size_t>(kThreads * kSealsPerThread));
  EXPECT_EQ(seen.count(std::string(kNonceBytes, '\0')), 0u);
}

// A forked child starts with a copy of its parent's pool; it must not seal
// with the nonces the parent is about to use.
TEST(SodiumNonceTest, ForkedChildDoesNotReuseTheParentsPool) {
  auto sealer = NewSodiumSealer(CaseKey::Generate());
  (void)sealer->Seal("x");  // the pool is now filled and partly used
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string nonces;
    for (int i = 0; i < 3; ++i) nonces += NonceOf(sealer->Seal("x"));
    const bool ok = ::write(fds[1], nonces.data(), nonces.size()) ==
                    static_cast<ssize_t>(nonces.size());
    ::_exit(ok ? 0 : 1);
  }
  ::close(fds[1]);
  std::string child(3 * kNonceBytes, '\0');
  size_t got = 0;
  while (got < child.size()) {
    const ssize_t n = ::read(fds[0], child.data() + got, child.size() - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_EQ(got, child.size());
  std::set<std::string> seen;
  for (int i = 0; i < 3; ++i) seen.insert(child.substr(i * kNonceBytes, kNonceBytes));
  for (int i = 0; i < 3; ++i) seen.insert(NonceOf(sealer->Seal("x")));
  EXPECT_EQ(seen.size(), 6u);
}

}  // namespace
}  // namespace breachscope
