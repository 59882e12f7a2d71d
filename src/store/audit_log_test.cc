// The audit log detects every kind of tampering: an edited entry, an
// inserted one, a removed one, reordered ones, a cut-off end, a deleted
// file, a deleted chain head, and a log checked with another key.
#include "store/audit_log.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "store/case_meta.h"
#include "store/sodium_sealer.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = tmp_.case_dir();
    ASSERT_TRUE(OpenSqliteCaseStore(dir_, NewSodiumSealer(key_)).ok());
    for (const char* action : {"init", "scan", "export", "reveal", "scan"}) {
      ASSERT_TRUE(
          AppendAudit(dir_, key_, {action, "detail", {{"findings", 12}}}).ok());
    }
  }
  std::vector<std::string> Lines() {
    std::ifstream in(dir_ + "/audit.log");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  void Write(const std::vector<std::string>& lines) {
    std::ofstream out(dir_ + "/audit.log", std::ios::trunc);
    for (const std::string& line : lines) out << line << "\n";
  }
  Status Verify() {
    Result<AuditCheck> check = VerifyAudit(dir_, key_);
    return check.ok() ? Status() : check.status();
  }

  testing::TempDir tmp_;
  std::string dir_;
  CaseKey key_ = CaseKey::Generate();
};

TEST_F(AuditLogTest, IntactLogVerifies) {
  Result<AuditCheck> check = VerifyAudit(dir_, key_);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_EQ(check.value().entries, 5u);
  EXPECT_EQ(check.value().last_time.size(), 20u);
  EXPECT_NE(Lines()[1].find("\"action\":\"scan\""), std::string::npos);
}

TEST_F(AuditLogTest, EditedEntryIsDetected) {
  std::vector<std::string> lines = Lines();
  const size_t at = lines[2].find("\"findings\":12");
  ASSERT_NE(at, std::string::npos);
  lines[2].replace(at, 13, "\"findings\":13");
  Write(lines);
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
  EXPECT_NE(Verify().message().find("entry 3"), std::string::npos)
      << Verify().message();
}

TEST_F(AuditLogTest, InsertedEntryIsDetected) {
  std::vector<std::string> lines = Lines();
  lines.insert(lines.begin() + 2, lines[1]);
  Write(lines);
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
}

TEST_F(AuditLogTest, RemovedOrReorderedEntryIsDetected) {
  std::vector<std::string> lines = Lines();
  std::vector<std::string> removed = lines;
  removed.erase(removed.begin() + 1);
  Write(removed);
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
  std::vector<std::string> swapped = lines;
  std::swap(swapped[1], swapped[2]);
  Write(swapped);
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
}

TEST_F(AuditLogTest, TruncationIsDetectedThroughTheHead) {
  std::vector<std::string> lines = Lines();
  lines.pop_back();
  Write(lines);  // a valid chain, one entry short
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
  EXPECT_NE(Verify().message().find("cut off"), std::string::npos);
  Write({});
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
  std::filesystem::remove(dir_ + "/audit.log");
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
}

TEST_F(AuditLogTest, DeletedHeadIsDetected) {
  ASSERT_TRUE(WriteCaseMeta(dir_, "audit_head", "").ok());
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
}

TEST_F(AuditLogTest, AnotherKeyCannotVerifyOrForge) {
  const CaseKey other = CaseKey::Generate();
  EXPECT_FALSE(VerifyAudit(dir_, other).ok());
  ASSERT_TRUE(AppendAudit(dir_, other, {"scan", "forged", {}}).ok());
  EXPECT_EQ(Verify().code(), StatusCode::kCorrupt);
}

TEST_F(AuditLogTest, RechainMovesTheLogToANewKey) {
  const CaseKey next = CaseKey::Generate();
  ASSERT_TRUE(RechainAudit(dir_, key_, next).ok());
  EXPECT_FALSE(VerifyAudit(dir_, key_).ok());
  Result<AuditCheck> check = VerifyAudit(dir_, next);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_EQ(check.value().entries, 5u);
}

}  // namespace
}  // namespace breachscope
