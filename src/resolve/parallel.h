// ParallelFor: runs fn(begin, end) over [0, n) split into one contiguous
// chunk per thread. Each index is handled by exactly one call and results
// are written by index, so output never depends on the thread count.
#ifndef BREACHSCOPE_RESOLVE_PARALLEL_H_
#define BREACHSCOPE_RESOLVE_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace breachscope {

// threads <= 0: all cores.
template <typename Fn>
void ParallelFor(size_t n, int threads, Fn fn) {
  size_t workers = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, std::max<size_t>(1, n / 4096));  // small inputs: not worth a thread
  if (workers <= 1) {
    fn(size_t{0}, n);
    return;
  }
  std::vector<std::thread> pool;
  size_t chunk = (n + workers - 1) / workers;
  for (size_t w = 0; w < workers; ++w) {
    size_t begin = w * chunk, end = std::min(n, begin + chunk);
    if (begin >= end) break;
    pool.emplace_back([=] { fn(begin, end); });
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_PARALLEL_H_
