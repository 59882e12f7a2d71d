#include "store/recipient_box.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "store/store_test_util.h"

namespace breachscope {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class RecipientBoxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = tmp_.path() + "/bob";
    ASSERT_TRUE(GenerateRecipientKeys(base_).ok());
  }
  void Seal(const std::string& text) {
    auto out = SealedOutput::Create(tmp_.path() + "/x.box", base_ + ".pub");
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    out.value()->stream() << text;
    ASSERT_TRUE(out.value()->Close().ok());
  }
  Status Open(std::string* text, const std::string& key = "") {
    std::ostringstream out;
    Status st = DecryptSealedFile(tmp_.path() + "/x.box",
                                  key.empty() ? base_ + ".sec" : key, out);
    *text = out.str();
    return st;
  }
  testing::TempDir tmp_;
  std::string base_;
};

TEST_F(RecipientBoxTest, RoundTripsAcrossChunks) {
  std::string big;
  for (int i = 0; i < 30000; ++i) big += "jean" + std::to_string(i) + "@example.com\n";
  for (const std::string& text : {std::string(), std::string("one line\n"), big}) {
    Seal(text);
    EXPECT_EQ(Slurp(tmp_.path() + "/x.box").find("jean1@"), std::string::npos);
    std::string back;
    ASSERT_TRUE(Open(&back).ok());
    EXPECT_EQ(back, text);
  }
  struct stat info;
  ASSERT_EQ(::stat((base_ + ".sec").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST_F(RecipientBoxTest, TamperingTruncationAndOtherKeysFail) {
  std::string text(200000, 'a');
  Seal(text);
  const std::string sealed = Slurp(tmp_.path() + "/x.box");
  std::string back;
  std::ofstream(tmp_.path() + "/x.box", std::ios::trunc) << sealed.substr(0, sealed.size() - 10);
  EXPECT_EQ(Open(&back).code(), StatusCode::kCorrupt);
  std::string flipped = sealed;
  flipped[sealed.size() / 2] ^= 1;
  std::ofstream(tmp_.path() + "/x.box", std::ios::trunc) << flipped;
  EXPECT_EQ(Open(&back).code(), StatusCode::kCorrupt);
  std::ofstream(tmp_.path() + "/x.box", std::ios::trunc) << sealed;
  ASSERT_TRUE(GenerateRecipientKeys(tmp_.path() + "/eve").ok());
  EXPECT_EQ(Open(&back, tmp_.path() + "/eve.sec").code(), StatusCode::kEncrypted);
  EXPECT_TRUE(Open(&back).ok());
}

}  // namespace
}  // namespace breachscope
