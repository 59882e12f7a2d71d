#include "app/source_processor.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace breachscope {
namespace {

// gzip-compresses `data` as a single-file stream (libarchive raw format).
std::string Gzip(const std::string& data) {
  std::string out(data.size() + 1024, '\0');
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_raw(a);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  archive_entry* entry = archive_entry_new();
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_size(entry, data.size());
  archive_write_header(a, entry);
  archive_write_data(a, data.data(), data.size());
  archive_entry_free(entry);
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

// A zip archive holding one member `name` with `data`.
std::string Zip(const std::string& name, const std::string& data) {
  std::string out(data.size() + 4096, '\0');
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open_memory(a, out.data(), out.size(), &used);
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, name.c_str());
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0644);
  archive_entry_set_size(entry, data.size());
  archive_write_header(a, entry);
  archive_write_data(a, data.data(), data.size());
  archive_entry_free(entry);
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

class SourceProcessorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("bs-processor-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    engine_ = std::move(DetectorEngine::Create(DetectOptions())).value();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::vector<ItemResult> Process(const std::string& name, const std::string& bytes,
                                  const IngestOptions& options = {}) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return ProcessPath(name, path, options);
  }

  std::vector<ItemResult> ProcessPath(const std::string& name, const std::string& path,
                                      const IngestOptions& options = {}) {
    std::atomic<bool> stop{false};
    SourceProcessor processor(*engine_, options, stop);
    std::vector<ItemResult> items;
    SourceEntry entry{SourceKind::kFile, path, name, 0, 0, ""};
    processor.Process(entry, [&](ItemResult&& item) { items.push_back(std::move(item)); });
    return items;
  }

  std::filesystem::path dir_;
  std::unique_ptr<const DetectorEngine> engine_;
};

TEST_F(SourceProcessorTest, TextFileIsOneScannedItemWithFindings) {
  auto items = Process("note.txt", "Reach the patient at jo@example.org today.\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.status, ItemStatus::kScanned);
  EXPECT_EQ(items[0].record.format, "text");
  ASSERT_EQ(items[0].findings.size(), 1u);
  EXPECT_EQ(items[0].findings[0].category, "email");
}

TEST_F(SourceProcessorTest, NoRecordContextCrossesItems) {
  // Both files' first record is record 0, read by one processor (one
  // detector scratch): the second file's value names no measurement.
  const std::string first =
      "{\"resourceType\":\"Observation\",\"code\":{\"coding\":"
      "[{\"display\":\"Body weight\"}]},\"valueQuantity\":{\"value\":75}}\n";
  const std::string second = "{\"valueQuantity\":{\"value\":76}}\n";
  std::ofstream(dir_ / "a.ndjson", std::ios::binary) << first;
  std::ofstream(dir_ / "b.ndjson", std::ios::binary) << second;
  std::atomic<bool> stop{false};
  SourceProcessor processor(*engine_, IngestOptions(), stop);
  std::vector<ItemResult> items;
  for (const char* name : {"a.ndjson", "b.ndjson"}) {
    SourceEntry entry{SourceKind::kFile, (dir_ / name).string(), name, 0, 0, ""};
    processor.Process(entry, [&](ItemResult&& item) { items.push_back(std::move(item)); });
  }
  ASSERT_EQ(items.size(), 2u);
  auto weights = [](const ItemResult& item) {
    int n = 0;
    for (const Finding& f : item.findings) n += f.category == "weight";
    return n;
  };
  EXPECT_EQ(weights(items[0]), 1);
  EXPECT_EQ(weights(items[1]), 0);
}

TEST_F(SourceProcessorTest, MissingFileIsAnErrorItem) {
  auto items = ProcessPath("gone.txt", (dir_ / "gone.txt").string());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.status, ItemStatus::kError);
  EXPECT_FALSE(items[0].record.error_message.empty());
}

TEST_F(SourceProcessorTest, UnreadableFileIsAnErrorItem) {
  std::string path = (dir_ / "secret.txt").string();
  std::ofstream(path) << "x@example.org";
  chmod(path.c_str(), 0);
  if (access(path.c_str(), R_OK) == 0) GTEST_SKIP() << "running as root: mode 0 is readable";
  auto items = ProcessPath("secret.txt", path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.status, ItemStatus::kError);
}

TEST_F(SourceProcessorTest, GzipMemberIsNamedAfterTheOuterFile) {
  auto items = Process("lab.csv.gz", Gzip("email\nkim@example.net\n"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].record.name, "lab.csv.gz!lab.csv");
  EXPECT_EQ(items[0].record.depth, 1);
  EXPECT_EQ(items[0].record.source, "lab.csv.gz");
  ASSERT_EQ(items[0].findings.size(), 1u);
  EXPECT_EQ(items[1].record.name, "lab.csv.gz");
  EXPECT_EQ(items[1].record.status, ItemStatus::kScanned);
}

TEST_F(SourceProcessorTest, NestingDeeperThanTheLimitIsAnErrorItem) {
  // Stacked gzip layers are peeled by libarchive in one go, so nesting is
  // built from zips, each a member of the next.
  std::string bytes = "a@example.org";
  for (int level = 0; level < 4; ++level) {
    bytes = Zip("level" + std::to_string(level) + ".zip", bytes);
  }
  IngestOptions options;
  options.max_archive_depth = 2;
  auto items = Process("deep.zip", bytes, options);
  bool too_deep = false;
  for (const ItemResult& item : items) {
    if (item.record.status == ItemStatus::kError &&
        item.record.error_code == "limit_exceeded") {
      too_deep = true;
    }
  }
  std::string listing;
  for (const ItemResult& item : items) {
    listing += item.record.name + " " + item.record.format + " " +
               item.record.error_code + "\n";
  }
  EXPECT_TRUE(too_deep) << listing;
}

TEST_F(SourceProcessorTest, EmptyFileIsScanned) {
  auto items = Process("empty.txt", "");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].record.status, ItemStatus::kScanned);
  EXPECT_EQ(items[0].record.format, "empty");
}

}  // namespace
}  // namespace breachscope
