#include "app/finding_chunker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "detect/date_order.h"

namespace breachscope {
namespace {

Finding DateCell(const std::string& value, int32_t column, int64_t record) {
  Finding f;
  f.category = "date_of_birth";
  f.detector = "date";
  f.value = value;
  f.normalized = value;
  f.confidence = 0.6;
  f.explanation = "a date";
  f.location.kind = UnitKind::kTableCell;
  f.location.table = "t";
  f.location.column = column;
  f.location.record = record;
  return f;
}

// Column 0 reads month first only by its last value, column 1 has both
// orders, column 2 day first from its start; names in between.
std::vector<Finding> ItemFindings() {
  std::vector<Finding> out;
  for (int r = 0; r < 30; ++r) {
    out.push_back(DateCell("03/04/19" + std::to_string(50 + r), 0, r));
    out.push_back(DateCell(r == 5 ? "25/03/1980" : r == 20 ? "03/25/1980"
                                                           : "05/06/1970",
                           1, r));
    out.push_back(DateCell(r == 0 ? "31/01/1960" : "02/01/1960", 2, r));
    Finding name;
    name.category = "name";
    name.value = "N" + std::to_string(r);
    name.location.record = r;
    out.push_back(name);
  }
  out.push_back(DateCell("12/31/1999", 0, 30));
  return out;
}

std::string Describe(const Finding& f) {
  return f.category + "|" + f.value + "|" + f.normalized + "|" +
         std::to_string(f.confidence) + "|" + f.explanation;
}

// Feeds the findings one "unit" at a time as the sink does; returns every
// finding emitted (chunks and final result) as seq -> description.
std::vector<std::string> Chunked(size_t chunk, int* parts,
                                 size_t held = FindingChunker::kHeldFindings,
                                 size_t* largest_part = nullptr) {
  const std::vector<Finding> all = ItemFindings();
  std::vector<std::string> by_seq(all.size());
  ItemResult result;
  result.record.name = "t.csv";
  *parts = 0;
  SourceProcessor::Emit emit = [&](ItemResult&& part) {
    EXPECT_TRUE(part.partial);
    EXPECT_EQ(part.record.name, "t.csv");
    ASSERT_EQ(part.seqs.size(), part.findings.size());
    if (largest_part != nullptr) {
      *largest_part = std::max(*largest_part, part.findings.size());
    }
    for (size_t i = 0; i < part.findings.size(); ++i) {
      by_seq.at(part.seqs[i]) = Describe(part.findings[i]);
    }
    ++*parts;
  };
  FindingChunker chunker(result.record, &result.findings, emit, chunk, held);
  for (const Finding& f : all) {
    result.findings.push_back(f);
    chunker.MaybeEmit();
  }
  chunker.Finish(&result);
  if (*parts == 0) {
    EXPECT_TRUE(result.seqs.empty());
    for (size_t i = 0; i < result.findings.size(); ++i) {
      by_seq[i] = Describe(result.findings[i]);
    }
    return by_seq;
  }
  EXPECT_TRUE(result.chunked);
  EXPECT_FALSE(result.partial);
  EXPECT_TRUE(std::is_sorted(result.seqs.begin(), result.seqs.end()));
  for (size_t i = 0; i < result.findings.size(); ++i) {
    by_seq.at(result.seqs[i]) = Describe(result.findings[i]);
  }
  return by_seq;
}

TEST(FindingChunkerTest, ChunksEqualTheItemReadInOnePiece) {
  std::vector<Finding> whole = ItemFindings();
  ResolveDateOrder(&whole);
  std::vector<std::string> want;
  for (const Finding& f : whole) want.push_back(Describe(f));
  // Column 0's dates were rewritten by a vote seen only in the last finding.
  EXPECT_NE(whole[0].normalized, ItemFindings()[0].normalized);
  for (size_t chunk : {1, 4, 7, 50, 1000}) {
    int parts = 0;
    EXPECT_EQ(Chunked(chunk, &parts), want) << "chunk " << chunk;
    if (chunk < whole.size()) {
      EXPECT_GT(parts, 0) << "chunk " << chunk;
    } else {
      EXPECT_EQ(parts, 0);
    }
  }
}

// A huge table cannot keep all its ambiguous dates back: past the bound they
// are read by the votes so far. Column 2, decided by its first date, reads
// as in the whole item; column 0, decided only by the item's last finding,
// keeps its early dates in the default day-first reading; nothing is lost.
TEST(FindingChunkerTest, KeptBackDatesAreBounded) {
  std::vector<Finding> whole = ItemFindings();
  ResolveDateOrder(&whole);
  const std::vector<Finding> raw = ItemFindings();
  int parts = 0;
  size_t largest = 0;
  const std::vector<std::string> got = Chunked(4, &parts, 6, &largest);
  ASSERT_EQ(got.size(), whole.size());
  // Chunks of 4 never keep back more than the bound plus one chunk.
  EXPECT_LE(largest, 6u + 4u);
  for (size_t i = 0; i < raw.size(); ++i) {
    ASSERT_FALSE(got[i].empty()) << "finding " << i << " lost";
    if (raw[i].location.column == 2) {
      EXPECT_EQ(got[i], Describe(whole[i])) << "finding " << i;
    }
  }
  EXPECT_EQ(got[0], Describe(raw[0]));  // 03/04/1950 left day first
  EXPECT_NE(got[0], Describe(whole[0]));
  EXPECT_EQ(got.back(), Describe(whole.back()));
}

}  // namespace
}  // namespace breachscope
