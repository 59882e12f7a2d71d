#include "common/bounded_queue.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace breachscope {
namespace {

TEST(BoundedQueueTest, DeliversEverythingInOrderPerProducer) {
  BoundedQueue<int> queue(4);
  std::thread producer([&] {
    for (int i = 0; i < 1000; ++i) queue.Push(i);
    queue.Close();
  });
  std::vector<int> got;
  while (auto value = queue.Pop()) got.push_back(*value);
  producer.join();
  ASSERT_EQ(got.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(got[i], i);
}

TEST(BoundedQueueTest, PushAfterCloseIsRefused) {
  BoundedQueue<int> queue(1);
  queue.Close();
  EXPECT_FALSE(queue.Push(1));
  EXPECT_FALSE(queue.Pop().has_value());
}

}  // namespace
}  // namespace breachscope
