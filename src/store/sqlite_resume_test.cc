// The resumability contract of CaseStore: interrupted sources are purged
// and redone, finished ones skipped, changed ones replaced.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/case_store.h"
#include "store/store_test_util.h"

namespace breachscope {
namespace {

using testing::AllFindings;
using testing::MakeFinding;
using testing::MakeItem;
using testing::OpenStore;
using testing::TempDir;

const SourceKey kZip{"clinic/labs.zip", 4096, 1700000000000000000};
const SourceKey kCsv{"clinic/list.csv", 512, 1700000000000000001};

// Writes one source the way a scan does, with `items` members of two
// findings each; returns without finishing when `finish` is false.
void WriteSource(CaseStore& store, const SourceKey& key, int items,
                 bool finish = true) {
  ASSERT_TRUE(store.BeginSource(key).ok());
  for (int i = 0; i < items; ++i) {
    const std::string name = key.name + "!m" + std::to_string(i) + ".csv";
    ASSERT_TRUE(store
                    .AddItem(MakeItem(name, key.name),
                             {MakeFinding("name", "N" + std::to_string(i), i),
                              MakeFinding("phone", "555-01" + std::to_string(i),
                                          i)})
                    .ok());
  }
  if (finish) {
    ASSERT_TRUE(store.FinishSource(key).ok());
  }
}

// The findings of an uninterrupted scan of both sources.
std::vector<std::string> CleanRun() {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  WriteSource(*store, kCsv, 1);
  WriteSource(*store, kZip, 3);
  EXPECT_TRUE(store->Flush().ok());
  return AllFindings(*store);
}

// Second half of a resumed scan: purge, skip what is done, redo the rest.
void Resume(CaseStore& store) {
  ASSERT_TRUE(store.PurgeUnfinishedSources().ok());
  EXPECT_TRUE(store.IsSourceDone(kCsv).value());
  EXPECT_FALSE(store.IsSourceDone(kZip).value());
  std::vector<std::string> left;
  ASSERT_TRUE(store.ForEachFinding([&](const StoredFinding& s) {
    left.push_back(s.source);
  }).ok());
  for (const std::string& source : left) {
    EXPECT_EQ(source.rfind(kZip.name, 0), std::string::npos)
        << "purge left a finding of the interrupted source";
  }
  EXPECT_EQ(store.Summary().value().items, 1u);  // only list.csv remains
  WriteSource(store, kZip, 3);
  ASSERT_TRUE(store.Flush().ok());
}

TEST(ResumeTest, StoreDestroyedMidSourceResumesToCleanResult) {
  TempDir tmp;
  {
    auto store = OpenStore(tmp.case_dir());
    WriteSource(*store, kCsv, 1);
    WriteSource(*store, kZip, 2, /*finish=*/false);
    ASSERT_TRUE(store->Flush().ok());
  }  // "crash": the source is never finished
  auto store = OpenStore(tmp.case_dir());
  ASSERT_NE(store, nullptr);
  Resume(*store);
  EXPECT_EQ(AllFindings(*store), CleanRun());
}

// A real crash: the writing process dies without running any destructor,
// with part of its work committed and part still in the open batch.
TEST(ResumeTest, ProcessKilledMidSourceResumesToCleanResult) {
  TempDir tmp;
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto store = OpenStore(tmp.case_dir());
    WriteSource(*store, kCsv, 1);
    WriteSource(*store, kZip, 2, /*finish=*/false);
    const bool flushed = store->Flush().ok();
    (void)store->AddItem(MakeItem(kZip.name + "!late.csv", kZip.name),
                         {MakeFinding("name", "late")});
    _exit(flushed ? 0 : 1);  // no destructors, no commit
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  ASSERT_TRUE(WIFEXITED(wstatus));
  ASSERT_EQ(WEXITSTATUS(wstatus), 0);

  auto store = OpenStore(tmp.case_dir());
  ASSERT_NE(store, nullptr);
  Resume(*store);
  EXPECT_EQ(AllFindings(*store), CleanRun());
}

TEST(ResumeTest, SourceIsDoneOnlyWhenFinishedWithSameSizeAndMtime) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  EXPECT_FALSE(store->IsSourceDone(kZip).value());
  ASSERT_TRUE(store->BeginSource(kZip).ok());
  EXPECT_FALSE(store->IsSourceDone(kZip).value());  // begun is not done
  ASSERT_TRUE(store->FinishSource(kZip).ok());
  EXPECT_TRUE(store->IsSourceDone(kZip).value());
  SourceKey bigger = kZip;
  bigger.size += 1;
  SourceKey touched = kZip;
  touched.mtime_ns += 1;
  SourceKey renamed = kZip;
  renamed.name += "x";
  EXPECT_FALSE(store->IsSourceDone(bigger).value());
  EXPECT_FALSE(store->IsSourceDone(touched).value());
  EXPECT_FALSE(store->IsSourceDone(renamed).value());
  ASSERT_TRUE(store->Flush().ok());
  store = OpenStore(tmp.case_dir());
  EXPECT_TRUE(store->IsSourceDone(kZip).value());  // durable
}

TEST(ResumeTest, ChangedSourceRescanReplacesOldRows) {
  TempDir tmp;
  {
    auto store = OpenStore(tmp.case_dir());
    WriteSource(*store, kCsv, 1);
    WriteSource(*store, kZip, 5);
    ASSERT_TRUE(store->Flush().ok());
  }
  auto store = OpenStore(tmp.case_dir());
  ASSERT_TRUE(store->PurgeUnfinishedSources().ok());
  SourceKey changed = kZip;
  changed.size = 100;  // the zip shrank: rescan it
  ASSERT_FALSE(store->IsSourceDone(changed).value());
  WriteSource(*store, changed, 2);
  ASSERT_TRUE(store->Flush().ok());

  EXPECT_TRUE(store->IsSourceDone(changed).value());
  EXPECT_FALSE(store->IsSourceDone(kZip).value());
  const CaseSummary s = store->Summary().value();
  EXPECT_EQ(s.sources, 2u);
  EXPECT_EQ(s.items, 3u);     // 1 csv + 2 new members, none of the old 5
  EXPECT_EQ(s.findings, 6u);
  std::vector<std::string> items;
  ASSERT_TRUE(store->ForEachFinding([&](const StoredFinding& f) {
    items.push_back(f.source);
  }).ok());
  for (const std::string& item : items) {
    EXPECT_EQ(item.find("!m2"), std::string::npos) << item;
  }
}

TEST(ResumeTest, PurgeAlsoDropsItemsWithoutAFinishedSource) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  WriteSource(*store, kCsv, 1);
  // Written without BeginSource: never finished, so not kept.
  ASSERT_TRUE(store->AddItem(MakeItem("stray", "stray"),
                             {MakeFinding("name", "x")}).ok());
  ASSERT_TRUE(store->PurgeUnfinishedSources().ok());
  EXPECT_EQ(store->Summary().value().items, 1u);
  // So re-adding it in the next scan does not collide.
  EXPECT_TRUE(store->AddItem(MakeItem("stray", "stray"), {}).ok());
}

TEST(ResumeTest, PurgeOnCleanCaseKeepsEverything) {
  TempDir tmp;
  auto store = OpenStore(tmp.case_dir());
  WriteSource(*store, kCsv, 1);
  WriteSource(*store, kZip, 3);
  const std::vector<std::string> before = AllFindings(*store);
  ASSERT_TRUE(store->PurgeUnfinishedSources().ok());
  EXPECT_EQ(AllFindings(*store), before);
}

}  // namespace
}  // namespace breachscope
