#include "detect/prefilter_cache.h"

#include <gtest/gtest.h>
#include <hs/hs.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "detect/detector_engine.h"

namespace breachscope {
namespace {

namespace fs = std::filesystem;

class PrefilterCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (fs::temp_directory_path() / "bs-hsdb-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<fs::path> Files() const {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir_)) files.push_back(e.path());
    return files;
  }

  fs::path dir_;
};

// Counts the matches of `db` in `text`.
int CountMatches(hs_database* db, std::string_view text) {
  hs_scratch* scratch = nullptr;
  EXPECT_EQ(hs_alloc_scratch(db, &scratch), HS_SUCCESS);
  int count = 0;
  hs_scan(db, text.data(), static_cast<unsigned int>(text.size()), 0, scratch,
          [](unsigned int, unsigned long long, unsigned long long,
             unsigned int, void* n) {
            ++*static_cast<int*>(n);
            return 0;
          },
          &count);
  hs_free_scratch(scratch);
  return count;
}

hs_database* Compile(const std::string& expression, const std::string& dir) {
  hs_database* db = nullptr;
  Status status = CompileCached({expression.c_str()}, {0u}, {0u}, dir, "t", &db);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return db;
}

TEST_F(PrefilterCacheTest, StoresThenLoadsTheSameDatabase) {
  hs_database* first = Compile("ab+c", dir_.string());
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(Files().size(), 1u);
  hs_database* again = Compile("ab+c", dir_.string());
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(CountMatches(again, "xabbc abc ac"), 2);
  EXPECT_EQ(Files().size(), 1u);  // loaded, not written anew
  hs_free_database(first);
  hs_free_database(again);
}

TEST_F(PrefilterCacheTest, AChangedPatternIsCompiledAfresh) {
  hs_free_database(Compile("ab+c", dir_.string()));
  hs_database* other = Compile("xy+z", dir_.string());
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(CountMatches(other, "xyz abc"), 1);
  EXPECT_EQ(Files().size(), 2u);
  hs_free_database(other);
}

TEST_F(PrefilterCacheTest, ACorruptOrForeignFileIsIgnored) {
  hs_free_database(Compile("ab+c", dir_.string()));
  const fs::path file = Files().at(0);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << "breachscope-hsdb-1\n3\nzzzgarbage";  // key mismatch
  }
  hs_database* db = Compile("ab+c", dir_.string());
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(CountMatches(db, "abc"), 1);
  hs_free_database(db);
  // Truncating a good file keeps the key but breaks the database.
  fs::resize_file(file, fs::file_size(file) - 16);
  db = Compile("ab+c", dir_.string());
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(CountMatches(db, "abbbc"), 1);
  hs_free_database(db);
}

TEST_F(PrefilterCacheTest, ABadPatternIsStillAnError) {
  hs_database* db = nullptr;
  Status status = CompileCached({"a(b"}, {0u}, {0u}, dir_.string(), "t", &db);
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(Files().empty());
}

// The engine finds the same with a cold cache, a warm one and none.
TEST_F(PrefilterCacheTest, EngineFindingsDoNotDependOnTheCache) {
  TextUnit unit;
  unit.text = "Call 306-555-1234 or mail jane@example.com, DOB 1975-03-14, "
              "SIN 130 692 544";
  auto scan = [&](const std::string& dir) {
    DetectOptions options;
    options.cache_dir = dir;
    auto engine = DetectorEngine::Create(options);
    EXPECT_TRUE(engine.ok());
    auto scratch = engine.value()->NewScratch();
    std::vector<Finding> out;
    engine.value()->ScanUnit(unit, *scratch, &out);
    std::vector<std::string> got;
    for (const Finding& f : out) got.push_back(f.category + "=" + f.normalized);
    return got;
  };
  const std::vector<std::string> none = scan("");
  EXPECT_GE(none.size(), 4u);
  EXPECT_EQ(scan(dir_.string()), none);   // cold: compiles and stores
  EXPECT_FALSE(Files().empty());
  EXPECT_EQ(scan(dir_.string()), none);   // warm: loads
}

}  // namespace
}  // namespace breachscope
