#include "ingest/documents/image_ocr_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

using ::testing::HasSubstr;

TEST(ImageOcrReaderTest, ReadsAScannedPng) {
  DocumentSink sink;
  uint64_t pages = 0;
  ASSERT_TRUE(ReadImageOcr(ReadFixture("requisition.png"), true, sink, &pages).ok());
  EXPECT_EQ(pages, 1u);
  ASSERT_EQ(sink.units.size(), 1u);
  EXPECT_EQ(sink.units[0].path, "page 1");
  EXPECT_THAT(sink.units[0].text, HasSubstr("Patient: Marie Tremblay"));
  EXPECT_THAT(sink.units[0].text, HasSubstr("(306) 555-0142"));
  EXPECT_THAT(sink.units[0].text, HasSubstr("marie.tremblay@example.org"));
}

TEST(ImageOcrReaderTest, ReadsEveryPageOfAFax) {
  DocumentSink sink;
  uint64_t pages = 0;
  ASSERT_TRUE(ReadImageOcr(ReadFixture("fax.tiff"), true, sink, &pages).ok());
  EXPECT_EQ(pages, 2u);
  ASSERT_EQ(sink.units.size(), 2u);
  EXPECT_EQ(sink.units[0].path, "page 1");
  EXPECT_THAT(sink.units[0].text, HasSubstr("306-555-0110"));
  EXPECT_EQ(sink.units[1].path, "page 2");
  EXPECT_THAT(sink.units[1].text, HasSubstr("luc.fortin@example.com"));
}

TEST(ImageOcrReaderTest, OcrOffReadsNothingAndSaysSo) {
  DocumentSink sink;
  uint64_t pages = 0;
  ASSERT_TRUE(ReadImageOcr(ReadFixture("requisition.png"), false, sink, &pages).ok());
  EXPECT_EQ(pages, 0u);
  EXPECT_TRUE(sink.units.empty());
  EXPECT_EQ(sink.warnings, (std::vector<std::string>{"image not read: OCR is off"}));
}

TEST(ImageOcrReaderTest, UndecodableImagesAreCorrupt) {
  const std::string png = ReadFixture("requisition.png");
  for (const std::string& bytes :
       {png.substr(0, png.size() / 2), std::string("\x89PNG\r\n\x1A\nrandom bytes"),
        std::string("II*\0garbage", 11)}) {
    DocumentSink sink;
    EXPECT_EQ(ReadImageOcr(bytes, true, sink, nullptr).code(), StatusCode::kCorrupt);
  }
}

// A fuzzed fax (a timeout of the fuzz harness): Leptonica's own multi-page
// reader never returned on it; page by page, the first page is read and the
// undecodable second one is a warning.
TEST(ImageOcrReaderTest, TiffPageDirectoriesThatLoopEnd) {
  std::ifstream in(std::string(BREACHSCOPE_SOURCE_DIR) +
                       "/fuzz/seeds/image_ocr_reader_fuzz/tiff_directory_loop.tiff",
                   std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  ASSERT_EQ(bytes.str().size(), 1572u);
  DocumentSink sink;
  uint64_t pages = 0;
  EXPECT_TRUE(ReadImageOcr(bytes.str(), true, sink, &pages).ok());
  EXPECT_EQ(pages, 1u);
  EXPECT_THAT(sink.warnings, ::testing::ElementsAre("TIFF page 2 cannot be decoded"));
}

}  // namespace
}  // namespace breachscope
