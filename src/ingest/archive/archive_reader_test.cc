#include "ingest/archive/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/archive/archive_test_util.h"

namespace breachscope {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using namespace testing_util;  // NOLINT: test helpers only

class ContainerTest : public ::testing::TestWithParam<Spec> {};

TEST_P(ContainerTest, MembersComeOutByteExactInOrder) {
  const Spec& spec = GetParam();
  const std::string csv = "name,dob\nAlice,1980-01-02\n";
  std::vector<Member> members = {
      {"records/", "", AE_IFDIR},
      {"records/a.csv", csv},
      {"records/blob.bin", Binary()},
      {"empty.txt", ""},
  };
  ReadOutcome r = Read(BuildArchive(spec.format, spec.filter, members));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.errors, IsEmpty());
  EXPECT_THAT(r.seen.members,
              ElementsAre(Pair("records/a.csv", csv),
                          Pair("records/blob.bin", Binary()),
                          Pair("empty.txt", "")));
}

TEST_P(ContainerTest, NestedArchiveIsAMemberByteExact) {
  const Spec& spec = GetParam();
  const std::string inner = BuildArchive(archive_write_set_format_zip, nullptr,
                                         {{"inner/p.txt", "patient"}});
  ReadOutcome r = Read(BuildArchive(spec.format, spec.filter,
                                    {{"nested.zip", inner}}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("nested.zip", inner)));
}

TEST_P(ContainerTest, EmptyArchiveIsFine) {
  const Spec& spec = GetParam();
  ReadOutcome r = Read(BuildArchive(spec.format, spec.filter, {}));
  // An empty zip/7z/tar is a valid archive with nothing in it.
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Formats, ContainerTest,
                         ::testing::ValuesIn(kContainerSpecs),
                         [](const auto& info) {
                           std::string label = info.param.label;
                           for (char& c : label) {
                             if (c == '.') c = '_';
                           }
                           return label;
                         });

struct RawCase {
  const char* label;
  SetFn filter;
  const char* name;
  const char* expected_member;
};

class CompressedFileTest : public ::testing::TestWithParam<RawCase> {};

TEST_P(CompressedFileTest, SingleMemberNamedAfterTheFile) {
  const RawCase& c = GetParam();
  const std::string data = "MSH|^~\\&|LAB|\rPID|1||123^^^MRN\r" + Binary();
  ReadOutcome r = Read(Compress(c.filter, data), c.name);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.errors, IsEmpty());
  EXPECT_THAT(r.seen.members, ElementsAre(Pair(c.expected_member, data)));
}

INSTANTIATE_TEST_SUITE_P(
    Filters, CompressedFileTest,
    ::testing::Values(
        RawCase{"gzip", archive_write_add_filter_gzip, "lab.hl7.gz", "lab.hl7"},
        RawCase{"bzip2", archive_write_add_filter_bzip2, "d/x.csv.BZ2", "x.csv"},
        RawCase{"xz", archive_write_add_filter_xz, "a.zip!in/n.txt.xz", "n.txt"},
        RawCase{"nosuffix", archive_write_add_filter_gzip, "dump", "dump.out"}),
    [](const auto& info) { return std::string(info.param.label); });

TEST(ArchiveReaderTest, CompressedEmptyFileIsOneEmptyMember) {
  ReadOutcome r = Read(Compress(archive_write_add_filter_gzip, ""), "e.gz");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("e", "")));
}

TEST(ArchiveReaderTest, MemberNamesAreCleanedButDotDotKept) {
  const std::vector<Member> members = {
      {"../evil.txt", "1"}, {"/abs/path.txt", "2"}, {"./x/./y.txt", "3"},
      {"a//b", "4"},       {"caf\xc3\xa9.csv", "5"}};
  // ustar, not pax: pax would transcode names through the test's C locale.
  for (SetFn format : {archive_write_set_format_zip,
                       archive_write_set_format_ustar}) {
    ReadOutcome r = Read(BuildArchive(format, nullptr, members));
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_THAT(r.seen.members,
                ElementsAre(Pair("../evil.txt", "1"), Pair("abs/path.txt", "2"),
                            Pair("x/y.txt", "3"), Pair("a/b", "4"),
                            Pair("caf\xc3\xa9.csv", "5")));
  }
}

TEST(ArchiveReaderTest, NonUtf8NameKeptAsBytes) {
  ReadOutcome r = Read(BuildArchive(archive_write_set_format_ustar, nullptr,
                                    {{"caf\xe9.csv", "x"}}));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("caf\xe9.csv", "x")));
}

TEST(ArchiveReaderTest, LinksAndSpecialFilesAreReportedNotRead) {
  const std::vector<Member> members = {
      {"real.txt", "data"},
      {"link.txt", "", AE_IFLNK, "/etc/passwd"},
      {"hard.txt", "", AE_IFREG, "real.txt"},
      {"pipe", "", AE_IFIFO},
  };
  ReadOutcome r = Read(BuildArchive(archive_write_set_format_pax_restricted,
                                    nullptr, members));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("real.txt", "data")));
  ASSERT_EQ(r.seen.errors.size(), 3u);
  EXPECT_EQ(r.seen.errors[0].first, "link.txt");
  EXPECT_THAT(r.seen.errors[0].second.message(), HasSubstr("symbolic link"));
  EXPECT_EQ(r.seen.errors[1].first, "hard.txt");
  EXPECT_THAT(r.seen.errors[1].second.message(), HasSubstr("hard link"));
  EXPECT_EQ(r.seen.errors[2].first, "pipe");
  for (const auto& [path, status] : r.seen.errors) {
    EXPECT_EQ(status.code(), StatusCode::kUnsupported) << path;
  }
}

TEST(ArchiveReaderTest, EncryptedZipMemberIsEncryptedError) {
  const std::string zip = BuildArchive(archive_write_set_format_zip, nullptr,
                                       {{"secret.csv", "name,ssn\nA,1\n"}},
                                       "zip:encryption=zipcrypt", "hunter2");
  ReadOutcome r = Read(zip);
  EXPECT_THAT(r.seen.members, IsEmpty());
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_EQ(r.seen.errors[0].first, "secret.csv");
  EXPECT_EQ(r.seen.errors[0].second.code(), StatusCode::kEncrypted);
}

// Made with `7z a -pSecret` (and `-mhe=on` for the encrypted header):
// libarchive cannot write encrypted 7z itself.
const char kEncrypted7z[] =
    "\x37\x7a\xbc\xaf\x27\x1c\x00\x04\x06\x4e\xf5\x79\x20\x00\x00\x00"
    "\x00\x00\x00\x00\x62\x00\x00\x00\x00\x00\x00\x00\xf5\xb4\x4b\x32"
    "\x82\x0a\xae\x37\x2a\x9f\x7f\x91\x13\x00\x79\x27\xfc\x5d\x2f\x61"
    "\x47\xf0\x23\x02\x92\xa5\x60\x89\xc0\x56\xfe\x6f\xba\xce\x3f\x1c"
    "\x01\x04\x06\x00\x01\x09\x20\x00\x07\x0b\x01\x00\x02\x24\x06\xf1"
    "\x07\x01\x12\x53\x0f\x5a\xb4\x03\x71\x9c\xf2\x6c\x08\xff\xc7\x69"
    "\xf9\x92\x8f\xe8\x31\x21\x21\x01\x00\x01\x00\x0c\x16\x12\x00\x08"
    "\x0a\x01\xe9\xa3\xb6\xda\x00\x00\x05\x01\x19\x01\x00\x11\x0d\x00"
    "\x70\x00\x2e\x00\x63\x00\x73\x00\x76\x00\x00\x00\x14\x0a\x01\x00"
    "\x04\x55\x29\x2f\x4e\x7f\xdd\x01\x15\x06\x01\x00\x20\x80\xa4\x81"
    "\x00\x00";
const char kEncryptedHeader7z[] =
    "\x37\x7a\xbc\xaf\x27\x1c\x00\x04\xf7\xe9\x03\x96\x90\x00\x00\x00"
    "\x00\x00\x00\x00\x2e\x00\x00\x00\x00\x00\x00\x00\xa1\xb2\x5e\x16"
    "\x55\x1f\xd6\xca\xb9\xb9\x84\x24\x02\xbe\xf7\xaa\xae\xd8\x05\xe9"
    "\xe3\x12\xb0\x1d\xeb\x88\x80\xca\x0b\x92\xcb\x2a\x5c\x31\x39\xc5"
    "\x34\x24\xd2\xfe\x6b\xfa\xd5\x70\x02\xf8\xca\xac\xf8\x7c\xde\x73"
    "\x0e\xaf\x73\x46\x03\x2c\xcb\x57\xf9\x99\xe3\x0c\x9a\x5b\x90\x80"
    "\x60\x41\xa0\x32\x28\xb7\x3a\x66\x11\x5a\xe4\xbe\x3d\x19\x1b\xa2"
    "\x71\xb2\x92\x54\x21\xc0\x73\xff\x34\xc8\xeb\xd6\x5c\x5d\x4b\x05"
    "\x72\x5a\xaf\xd8\xe4\x16\x70\xb6\x3f\xd0\x9f\x96\x43\x9a\x5c\x70"
    "\xa7\x27\xc8\xaa\xeb\x80\xeb\x6e\xe9\xce\x26\xdc\x25\x86\xd7\x74"
    "\x96\xa0\x5d\xa0\x73\x92\x63\xe2\xb8\x1f\x65\x97\xb4\x30\xcc\xd6"
    "\x17\x06\x20\x01\x09\x70\x00\x07\x0b\x01\x00\x01\x24\x06\xf1\x07"
    "\x01\x12\x53\x0f\x11\x08\x5c\x52\x6f\x41\x09\xc2\xac\xff\x10\x27"
    "\x1c\x44\x6e\x76\x0c\x62\x0a\x01\x7a\xd1\x44\x65\x00\x00";

TEST(ArchiveReaderTest, Encrypted7zMemberIsEncryptedError) {
  ReadOutcome r = Read(std::string(kEncrypted7z, 162));
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, IsEmpty());
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_EQ(r.seen.errors[0].first, "p.csv");
  EXPECT_EQ(r.seen.errors[0].second.code(), StatusCode::kEncrypted);
}

TEST(ArchiveReaderTest, Encrypted7zHeaderIsEncryptedArchive) {
  ReadOutcome r = Read(std::string(kEncryptedHeader7z, 222));
  EXPECT_EQ(r.status.code(), StatusCode::kEncrypted) << r.status.ToString();
  EXPECT_THAT(r.seen.members, IsEmpty());
}
// ---- Hostile and broken input. ----

TEST(ArchiveReaderTest, NotAnArchiveIsUnsupported) {
  for (const std::string& bytes :
       {std::string("name,dob\nA,1980\n"), std::string(), Binary()}) {
    ReadOutcome r = Read(bytes);
    EXPECT_EQ(r.status.code(), StatusCode::kUnsupported)
        << r.status.ToString();
    EXPECT_THAT(r.seen.members, IsEmpty());
  }
}

TEST(ArchiveReaderTest, TruncatedZipGivesErrorsNotCrash) {
  std::vector<Member> members;
  for (int i = 0; i < 8; ++i) {
    members.push_back({"f" + std::to_string(i) + ".bin", Binary() + Binary()});
  }
  const std::string zip =
      BuildArchive(archive_write_set_format_zip, nullptr, members);
  ReadOutcome r = Read(zip.substr(0, zip.size() / 2));
  EXPECT_FALSE(r.status.ok());
  // The first members, wholly inside the first half, are still read.
  EXPECT_GE(r.seen.members.size(), 1u);
  EXPECT_LT(r.seen.members.size(), members.size());
  for (const auto& [path, bytes] : r.seen.members) {
    EXPECT_EQ(bytes, Binary() + Binary()) << path;
  }
}

TEST(ArchiveReaderTest, CorruptGzipIsCorrupt) {
  std::string gz = Compress(archive_write_add_filter_gzip, Binary() + Binary());
  for (size_t i = 20; i + 8 < gz.size(); i += 3) gz[i] ^= 0x5A;
  ReadOutcome r = Read(gz, "x.gz");
  const bool reported = !r.status.ok() || !r.seen.errors.empty();
  EXPECT_TRUE(reported);
  EXPECT_THAT(r.seen.members, IsEmpty());
}

TEST(ArchiveReaderTest, RandomMutationsNeverCrash) {
  // A cheap in-tree fuzz pass; the libFuzzer harness goes further.
  const std::vector<Member> members = {{"a.csv", "x,y\n1,2\n"},
                                       {"b.bin", Binary()}};
  std::mt19937 rng(12345);
  IngestOptions options;
  options.max_member_bytes = 1u << 20;
  for (const Spec& spec : kContainerSpecs) {
    const std::string good = BuildArchive(spec.format, spec.filter, members);
    for (int round = 0; round < 150; ++round) {
      std::string bad = good;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int f = 0; f < flips; ++f) {
        bad[rng() % bad.size()] = static_cast<char>(rng());
      }
      if (round % 5 == 0) bad.resize(rng() % bad.size());
      Read(bad, "m.tar.gz", options, uint64_t{8} << 20);
    }
  }
}

}  // namespace
}  // namespace breachscope
