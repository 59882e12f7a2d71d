#include "ingest/documents/pst_memory_io.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace breachscope::pst {
namespace {

struct HandleFree {
  void operator()(libbfio_handle_t* handle) const { libbfio_handle_free(&handle, nullptr); }
};

// A read that crosses the end returns only the bytes in the range and
// leaves the rest of the buffer alone: libbfio's own memory range in Debian
// 12 copied the bytes after the range too.
TEST(PstMemoryIoTest, ReadStopsAtTheEndOfTheRange) {
  const std::string memory = "abcdefgh";
  std::unique_ptr<libbfio_handle_t, HandleFree> handle(
      NewMemoryHandle(std::string_view(memory).substr(0, 4)));
  ASSERT_NE(handle, nullptr);
  ASSERT_EQ(libbfio_handle_open(handle.get(), LIBBFIO_OPEN_READ, nullptr), 1);
  ASSERT_EQ(libbfio_handle_seek_offset(handle.get(), 1, SEEK_SET, nullptr), 1);
  std::string buffer(8, 'x');
  EXPECT_EQ(libbfio_handle_read_buffer(handle.get(), reinterpret_cast<uint8_t*>(buffer.data()),
                                       buffer.size(), nullptr),
            3);
  EXPECT_EQ(buffer, "bcdxxxxx");
  EXPECT_EQ(libbfio_handle_read_buffer(handle.get(), reinterpret_cast<uint8_t*>(buffer.data()),
                                       buffer.size(), nullptr),
            0);
  size64_t size = 0;
  ASSERT_EQ(libbfio_handle_get_size(handle.get(), &size, nullptr), 1);
  EXPECT_EQ(size, 4u);
  EXPECT_EQ(libbfio_handle_close(handle.get(), nullptr), 0);
}

TEST(PstMemoryIoTest, WritingIsRefused) {
  std::unique_ptr<libbfio_handle_t, HandleFree> handle(NewMemoryHandle("abcd"));
  ASSERT_NE(handle, nullptr);
  EXPECT_EQ(libbfio_handle_open(handle.get(), LIBBFIO_OPEN_READ_WRITE, nullptr), -1);
}

}  // namespace
}  // namespace breachscope::pst
