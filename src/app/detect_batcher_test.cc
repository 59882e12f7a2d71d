// The detection pool and its batcher must give an item exactly the findings,
// in the same order and with chunks at the same points, as detection in
// place by one worker.
#include "app/detect_batcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "app/detect_pool.h"
#include "app/table_sampler.h"
#include "app/unit_detection.h"
#include "ingest/extract/csv_reader.h"
#include "ingest/extract/hl7_reader.h"

namespace breachscope {
namespace {

std::string Describe(const Finding& f) {
  return f.category + "|" + f.detector + "|" + f.value + "|" + f.normalized +
         "|" + std::to_string(f.confidence) + "|" + f.explanation + "|" +
         f.location.ToString() + "|" + std::string(RoleName(f.role));
}

std::vector<std::string> Describe(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(Describe(f));
  return out;
}

// Points at which the item's findings would be passed on, without repeats
// (passing on twice at one size is the same as once).
void Point(std::vector<size_t>* points, size_t size) {
  if (points->empty() || points->back() != size) points->push_back(size);
}

// A patient table with a free-text column, one cell of which is bigger than
// a batch (detected in place), and enough rows for many batches.
std::string PatientCsv() {
  std::string csv = "patient_name,dob,phone,hsn,notes\n";
  const char* names[] = {"Marie Côté-Tremblay", "John O'Brien",
                         "Ana Dela Cruz", "Li Wei"};
  for (int row = 0; row < 3000; ++row) {
    csv += names[row % 4];
    csv += ",19" + std::to_string(40 + row % 60) + "-0" +
           std::to_string(1 + row % 9) + "-1" + std::to_string(row % 10);
    csv += ",(306) 555-" + std::to_string(1000 + row);
    csv += "," + std::to_string(100000000 + row * 7919);
    if (row == 1500) {
      csv += ",\"";
      while (csv.size() < 600 * 1024) {
        csv += "Seen by Dr. Smith; patient Jane Roe reports chest pain. ";
      }
      csv += "\"\n";
    } else {
      csv += ",follow-up in " + std::to_string(row % 12) + " weeks for " +
             names[(row + 1) % 4] + "\n";
    }
  }
  return csv;
}

// Lab messages whose weight and height (OBX-5) are known only from the
// OBX-3 before them in the same message: enough for many batches, so that
// batch ends fall between the two fields of a pair unless batches are cut
// between messages.
std::string WeightMessages(int messages) {
  std::string hl7;
  for (int m = 0; m < messages; ++m) {
    const std::string id = std::to_string(m);
    hl7 += "MSH|^~\\&|LAB|CLINIC|EMR|CLINIC|20230427||ORU^R01|" + id +
           "|P|2.5\r";
    hl7 += "PID|1||" + std::to_string(400000 + m) + "^^^CLINIC^MR||Doe^Jane\r";
    hl7 += "OBX|1|NM|1558-6^Glucose fasting^LN||5." + std::to_string(m % 10) +
           "|mmol/L||N|||F\r";
    hl7 += "OBX|2|NM|8302-2^Body height^LN||1" + std::to_string(50 + m % 40) +
           "|cm||N|||F\r";
    hl7 += "OBX|3|NM|29463-7^Body weight^LN||" + std::to_string(50 + m % 60) +
           "|kg||N|||F\r";
  }
  return hl7;
}

size_t CountCategory(const std::vector<Finding>& findings,
                     std::string_view category) {
  size_t n = 0;
  for (const Finding& f : findings) n += f.category == category;
  return n;
}

class CollectingSink : public UnitSink {
 public:
  CollectingSink(TableSampler* sampler, DetectBatcher* batcher,
                 const std::vector<Finding>* findings,
                 std::vector<size_t>* points)
      : sampler_(sampler), batcher_(batcher), findings_(findings),
        points_(points) {}
  void OnUnit(const TextUnit& unit) override {
    sampler_->OnUnit(unit);
    if (batcher_ != nullptr) {
      batcher_->SinkUnitEnd();
    } else {
      Point(points_, findings_->size());
    }
  }

 private:
  TableSampler* sampler_;
  DetectBatcher* batcher_;
  const std::vector<Finding>* findings_;
  std::vector<size_t>* points_;
};

class DetectBatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto engine = DetectorEngine::Create({});
    ASSERT_TRUE(engine.ok());
    engine_ = std::move(engine).value().release();
  }
  static void TearDownTestSuite() { delete engine_; }

  static Status Read(const std::string& input, UnitSink& sink) {
    if (input.starts_with("MSH|")) return ReadHl7(input, sink);
    return ReadCsv(input, ',', sink);
  }

  // In place, by one worker.
  void ScanAlone(const std::string& csv, std::vector<Finding>* findings,
                 std::vector<size_t>* points) {
    auto scratch = engine_->NewScratch();
    TableSampler sampler(*engine_, *scratch, findings);
    CollectingSink sink(&sampler, nullptr, findings, points);
    ASSERT_TRUE(Read(csv, sink).ok());
    sampler.FinishSample();
  }

  // In batches on a pool of `workers`, all but the owner helping. The
  // input is CSV, or HL7 when it starts with MSH.
  void ScanShared(const std::string& csv, int workers,
                  std::vector<Finding>* findings, std::vector<size_t>* points) {
    std::atomic<bool> stop{false};
    DetectPool pool(*engine_, workers, stop);
    std::vector<std::thread> helpers;
    for (int i = 1; i < workers; ++i) {
      helpers.emplace_back([&pool] {
        auto scratch = engine_->NewScratch();
        StageClock clock;
        pool.Help(*scratch, clock);
      });
    }
    auto scratch = engine_->NewScratch();
    StageClock clock;
    {
      TableSampler sampler(*engine_, *scratch, findings);
      DetectBatcher batcher(pool, *engine_, *scratch, clock, findings,
                            [&] { Point(points, findings->size()); });
      sampler.DetectVia(&batcher);
      CollectingSink sink(&sampler, &batcher, findings, points);
      EXPECT_TRUE(Read(csv, sink).ok());
      sampler.FinishSample();
      batcher.Drain();
    }
    pool.Help(*scratch, clock);  // the owner is done: releases the helpers
    for (std::thread& t : helpers) t.join();
  }

  static const DetectorEngine* engine_;
};

const DetectorEngine* DetectBatcherTest::engine_ = nullptr;

TEST_F(DetectBatcherTest, SharedDetectionEqualsDetectionInPlace) {
  const std::string csv = PatientCsv();
  std::vector<Finding> alone, shared;
  std::vector<size_t> alone_points, shared_points;
  ScanAlone(csv, &alone, &alone_points);
  ScanShared(csv, 3, &shared, &shared_points);
  ASSERT_GT(alone.size(), 10000u);
  EXPECT_EQ(Describe(shared), Describe(alone));
  // Chunks of findings leave at the same sizes (the last point is the end).
  Point(&alone_points, alone.size());
  Point(&shared_points, shared.size());
  EXPECT_EQ(shared_points, alone_points);
}

TEST_F(DetectBatcherTest, RecordsStayWholeInBatches) {
  // Each message's weight is known from its OBX-3 alone: a batch cut
  // between the two, or a batch run on a scratch holding another message
  // of the same number, would make it a lab result or something else.
  const int kMessages = 4000;
  const std::string hl7 = WeightMessages(kMessages);
  std::vector<Finding> alone, shared;
  std::vector<size_t> alone_points, shared_points;
  ScanAlone(hl7, &alone, &alone_points);
  EXPECT_EQ(CountCategory(alone, "weight"), size_t{kMessages});
  EXPECT_EQ(CountCategory(alone, "height"), size_t{kMessages});
  for (int round = 0; round < 2; ++round) {
    shared.clear();
    shared_points.clear();
    ScanShared(hl7, 3, &shared, &shared_points);
    EXPECT_EQ(CountCategory(shared, "weight"), size_t{kMessages});
    EXPECT_EQ(CountCategory(shared, "height"), size_t{kMessages});
    EXPECT_EQ(Describe(shared), Describe(alone));
  }
}

TEST_F(DetectBatcherTest, OwnerAloneRunsItsOwnBatches) {
  // A pool of two whose other worker never helps: the owner must still get
  // every batch done by running them itself while it waits.
  const std::string csv = PatientCsv();
  std::atomic<bool> stop{false};
  DetectPool pool(*engine_, 2, stop);
  auto scratch = engine_->NewScratch();
  StageClock clock;
  std::vector<Finding> shared, alone;
  std::vector<size_t> points, alone_points;
  TableSampler sampler(*engine_, *scratch, &shared);
  DetectBatcher batcher(pool, *engine_, *scratch, clock, &shared,
                        [&] { Point(&points, shared.size()); });
  sampler.DetectVia(&batcher);
  CollectingSink sink(&sampler, &batcher, &shared, &points);
  ASSERT_TRUE(ReadCsv(csv, ',', sink).ok());
  sampler.FinishSample();
  batcher.Drain();
  ScanAlone(csv, &alone, &alone_points);
  EXPECT_EQ(Describe(shared), Describe(alone));
}

TEST_F(DetectBatcherTest, BatchHoldsCopiesOfItsUnits) {
  DetectBatch batch;
  std::vector<Finding> direct;
  std::vector<Finding> candidates;
  auto scratch = engine_->NewScratch();
  const std::string_view dob_class = "date_of_birth";
  {
    std::string text = "1975-03-14", label = "DOB", path = "PID-7[1].1",
                table = "patients", qualifier = "JHN SK";
    TextUnit unit;
    unit.kind = UnitKind::kTableCell;
    unit.text = text;
    unit.label = label;
    unit.table = table;
    unit.record = 3;
    unit.column = 2;
    unit.offset = 120;
    batch.Add(unit, &dob_class);
    DetectUnit(*engine_, true, unit, &dob_class, *scratch, &direct,
               &candidates);
    TextUnit field;
    field.kind = UnitKind::kField;
    field.text = "123456789";
    field.label = "PID-3";
    field.path = path;
    field.qualifier = qualifier;
    field.record = 0;
    batch.Add(field, nullptr);
    DetectUnit(*engine_, true, field, nullptr, *scratch, &direct, &candidates);
    for (char& c : text) c = 'x';  // the batch must not see this
    for (char& c : path) c = 'x';
  }
  EXPECT_TRUE(batch.MarkSinkUnitEnd());
  batch.Run(*engine_, true, *scratch);
  ASSERT_FALSE(direct.empty());
  EXPECT_EQ(Describe(batch.findings()), Describe(direct));
  EXPECT_EQ(batch.end(1), direct.size());
  EXPECT_FALSE(batch.sink_unit_end(0));
  EXPECT_TRUE(batch.sink_unit_end(1));
}

TEST_F(DetectBatcherTest, HelpEndsWhenEveryWorkerHelpsOrTheScanStops) {
  std::atomic<bool> stop{false};
  {
    DetectPool pool(*engine_, 2, stop);
    std::thread helper([&] {
      auto scratch = engine_->NewScratch();
      StageClock clock;
      pool.Help(*scratch, clock);
    });
    auto scratch = engine_->NewScratch();
    StageClock clock;
    EXPECT_FALSE(pool.RunOne(*scratch, clock));  // nothing queued
    pool.Help(*scratch, clock);
    helper.join();  // would hang if the second Help did not release it
  }
  DetectPool pool(*engine_, 3, stop);
  std::thread helper([&] {
    auto scratch = engine_->NewScratch();
    StageClock clock;
    pool.Help(*scratch, clock);
  });
  stop.store(true);  // two of three never come: only the stop ends Help
  helper.join();
}

}  // namespace
}  // namespace breachscope
