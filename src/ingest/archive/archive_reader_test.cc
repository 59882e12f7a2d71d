#include "ingest/archive/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/archive/member_names.h"

namespace breachscope {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;

// ---- Building archives in memory with libarchive's write API. ----

using SetFn = int (*)(struct archive*);

struct Member {
  std::string name;
  std::string data;
  unsigned type = AE_IFREG;
  std::string link = "";  // symlink target or hard link target
};

struct Spec {
  const char* label;
  SetFn format;
  SetFn filter;  // nullptr: none
};

la_ssize_t AppendToString(struct archive*, void* client, const void* buf,
                          size_t len) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buf), len);
  return static_cast<la_ssize_t>(len);
}

// Writes `members` as an archive. `options`/`passphrase` may be empty.
std::string BuildArchive(SetFn format, SetFn filter,
                         const std::vector<Member>& members,
                         const char* options = "",
                         const char* passphrase = "") {
  std::string out;
  struct archive* a = archive_write_new();
  EXPECT_EQ(format(a), ARCHIVE_OK) << archive_error_string(a);
  if (filter != nullptr) {
    EXPECT_EQ(filter(a), ARCHIVE_OK);
  }
  archive_write_set_bytes_in_last_block(a, 1);  // no padding after the data
  if (*options) {
    EXPECT_EQ(archive_write_set_options(a, options), ARCHIVE_OK)
        << archive_error_string(a);
  }
  if (*passphrase) archive_write_set_passphrase(a, passphrase);
  EXPECT_EQ(archive_write_open(a, &out, nullptr, AppendToString, nullptr),
            ARCHIVE_OK);
  for (const Member& m : members) {
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, m.type);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, 1700000000, 0);
    if (m.type == AE_IFLNK) archive_entry_set_symlink(e, m.link.c_str());
    const bool hardlink = m.type == AE_IFREG && !m.link.empty();
    if (hardlink) archive_entry_set_hardlink(e, m.link.c_str());
    archive_entry_set_size(e, m.type == AE_IFREG && !hardlink ? m.data.size()
                                                             : 0);
    EXPECT_EQ(archive_write_header(a, e), ARCHIVE_OK) << archive_error_string(a);
    if (!hardlink && m.type == AE_IFREG && !m.data.empty()) {
      EXPECT_EQ(archive_write_data(a, m.data.data(), m.data.size()),
                static_cast<la_ssize_t>(m.data.size()));
    }
    archive_entry_free(e);
  }
  EXPECT_EQ(archive_write_close(a), ARCHIVE_OK) << archive_error_string(a);
  archive_write_free(a);
  return out;
}

std::string Compress(SetFn filter, const std::string& data) {
  return BuildArchive(archive_write_set_format_raw, filter, {{"data", data}});
}

// ---- Reading. ----

class Recorder : public ArchiveVisitor {
 public:
  void OnMember(std::string_view path, std::string_view bytes) override {
    members.emplace_back(std::string(path), std::string(bytes));
  }
  void OnMemberError(std::string_view path, const Status& reason) override {
    errors.emplace_back(std::string(path), reason);
  }
  std::vector<std::pair<std::string, std::string>> members;
  std::vector<std::pair<std::string, Status>> errors;
};

struct ReadOutcome {
  Status status;
  Recorder seen;
  uint64_t budget_left = 0;
};

ReadOutcome Read(const std::string& bytes, const std::string& name = "x",
                 IngestOptions options = {},
                 uint64_t budget = uint64_t{1} << 40) {
  ReadOutcome out;
  out.budget_left = budget;
  out.status = ReadArchive(bytes, name, options, &out.budget_left, out.seen);
  return out;
}

std::string Binary() {
  std::string bytes;
  for (int i = 0; i < 3000; ++i) bytes.push_back(static_cast<char>(i * 7));
  return bytes;
}

const Spec kContainerSpecs[] = {
    {"zip", archive_write_set_format_zip, nullptr},
    {"tar", archive_write_set_format_pax_restricted, nullptr},
    {"tar.gz", archive_write_set_format_ustar, archive_write_add_filter_gzip},
    {"tar.bz2", archive_write_set_format_gnutar, archive_write_add_filter_bzip2},
    {"tar.xz", archive_write_set_format_pax, archive_write_add_filter_xz},
    {"7z", archive_write_set_format_7zip, nullptr},
};

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

// ---- Limits. ----

TEST(ArchiveLimitsTest, MemberOverSizeLimitIsRefusedAndNextIsRead) {
  IngestOptions options;
  options.max_member_bytes = 1000;
  const std::vector<Member> members = {{"big.bin", Binary()},
                                       {"small.txt", "ok"}};
  for (const Spec& spec : kContainerSpecs) {
    SCOPED_TRACE(spec.label);
    ReadOutcome r =
        Read(BuildArchive(spec.format, spec.filter, members), "x", options);
    EXPECT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_THAT(r.seen.members, ElementsAre(Pair("small.txt", "ok")));
    ASSERT_EQ(r.seen.errors.size(), 1u);
    EXPECT_EQ(r.seen.errors[0].first, "big.bin");
    EXPECT_EQ(r.seen.errors[0].second.code(), StatusCode::kLimitExceeded);
  }
}

TEST(ArchiveLimitsTest, SizeUnknownUntilReadIsStillLimited) {
  IngestOptions options;
  options.max_member_bytes = 1000;
  // A gzip stream does not declare its size: found while reading.
  ReadOutcome r = Read(Compress(archive_write_add_filter_gzip, Binary()),
                       "b.bin.gz", options);
  EXPECT_THAT(r.seen.members, IsEmpty());
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_EQ(r.seen.errors[0].first, "b.bin");
  EXPECT_EQ(r.seen.errors[0].second.code(), StatusCode::kLimitExceeded);
}

TEST(ArchiveLimitsTest, BudgetRunsOutAndStopsTheArchive) {
  const std::vector<Member> members = {
      {"a", std::string(1000, 'a')}, {"b", std::string(1000, 'b')},
      {"c", std::string(1000, 'c')}};
  ReadOutcome r = Read(BuildArchive(archive_write_set_format_zip, nullptr,
                                    members),
                       "x", IngestOptions{}, /*budget=*/1500);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_THAT(r.status.message(), HasSubstr("budget"));
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("a", std::string(1000, 'a'))));
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_EQ(r.seen.errors[0].first, "b");
  EXPECT_EQ(r.budget_left, 0u);
}

TEST(ArchiveLimitsTest, BudgetIsDecreasedByWhatWasRead) {
  ReadOutcome r = Read(BuildArchive(archive_write_set_format_zip, nullptr,
                                    {{"a", "12345"}}),
                       "x", IngestOptions{}, /*budget=*/100);
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.budget_left, 95u);
}

// 50 MB of zeros compresses ~1000:1. Reading must stop early: fast and small.
// (The header line matters: a compressed stream of nothing but zeros reads as
// an empty tar, which is harmless but tests nothing.)
class BombTest : public ::testing::TestWithParam<Spec> {};

TEST_P(BombTest, HighRatioStopsEarly) {
  static const std::string zeros = "id,note\n" + std::string(50u << 20, '\0');
  const Spec& spec = GetParam();
  const std::string bomb =
      BuildArchive(spec.format, spec.filter, {{"zeros.csv", zeros}},
                   "compression-level=1");
  IngestOptions options;
  options.max_expansion_ratio = 20;
  const auto start = std::chrono::steady_clock::now();
  ReadOutcome r = Read(bomb, "zeros.csv.gz", options);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_THAT(r.status.message(), HasSubstr("possible zip bomb"));
  EXPECT_THAT(r.seen.members, IsEmpty());
  ASSERT_EQ(r.seen.errors.size(), 1u);
  EXPECT_THAT(r.seen.errors[0].second.message(), HasSubstr("expansion ratio"));
  // Stopped within one read chunk of ratio x archive size, long before 50 MB.
  const uint64_t bound =
      std::max<uint64_t>(options.ratio_check_min_bytes, 20 * bomb.size()) +
      (uint64_t{1} << 20);
  EXPECT_LE((uint64_t{1} << 40) - r.budget_left, bound);
  EXPECT_LT(bound, zeros.size() / 4);
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

INSTANTIATE_TEST_SUITE_P(
    Formats, BombTest,
    ::testing::Values(
        Spec{"gzip", archive_write_set_format_raw, archive_write_add_filter_gzip},
        Spec{"zip", archive_write_set_format_zip, nullptr},
        Spec{"tar_xz", archive_write_set_format_ustar,
             archive_write_add_filter_xz}),
    [](const auto& info) { return std::string(info.param.label); });

TEST(ArchiveLimitsTest, ManyModestMembersStillHitTheArchiveRatio) {
  // Like an overlapping-entries bomb: each member is small, the sum is not.
  std::vector<Member> members;
  for (int i = 0; i < 64; ++i) {
    members.push_back({"m" + std::to_string(i), std::string(256u << 10, 'z')});
  }
  const std::string zip =
      BuildArchive(archive_write_set_format_zip, nullptr, members);
  ReadOutcome r = Read(zip);
  EXPECT_EQ(r.status.code(), StatusCode::kLimitExceeded);
  EXPECT_LT(r.seen.members.size(), members.size());
  EXPECT_LE((uint64_t{1} << 40) - r.budget_left,
            static_cast<uint64_t>(zip.size() * 250 + (2u << 20)));
}

TEST(ArchiveLimitsTest, SmallHighRatioMemberIsStillRead) {
  // Below ratio_check_min_bytes a file of blanks is legitimate.
  const std::string blanks(100000, ' ');
  ReadOutcome r = Read(Compress(archive_write_add_filter_xz, blanks), "b.xz");
  EXPECT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_THAT(r.seen.members, ElementsAre(Pair("b", blanks)));
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

// ---- Names. ----

TEST(MemberNamesTest, CleanMemberPath) {
  const std::pair<const char*, const char*> cases[] = {
      {"a/b.csv", "a/b.csv"},     {"/etc/passwd", "etc/passwd"},
      {"//x", "x"},               {"./a/./b", "a/b"},
      {"../../up", "../../up"},   {"a/../b", "a/../b"},
      {"dir/", "dir"},            {"", "(unnamed)"},
      {"/", "(unnamed)"},         {"a\\b", "a\\b"},
  };
  for (const auto& [raw, clean] : cases) {
    EXPECT_EQ(CleanMemberPath(raw), clean) << raw;
  }
}

TEST(MemberNamesTest, CompressedMemberName) {
  const std::pair<const char*, const char*> cases[] = {
      {"lab.csv.gz", "lab.csv"},  {"dir/a.TXT.XZ", "a.TXT"},
      {"o.zip!in/b.bz2", "b"},    {"backup.tgz", "backup.tar"},
      {"raw", "raw.out"},         {".gz", ".gz.out"},
      {"", "data.out"},           {"x.zst", "x"},
  };
  for (const auto& [outer, member] : cases) {
    EXPECT_EQ(CompressedMemberName(outer), member) << outer;
  }
}

}  // namespace
}  // namespace breachscope
