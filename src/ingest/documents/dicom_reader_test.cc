#include "ingest/documents/dicom_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "ingest/documents/document_test_util.h"

namespace breachscope {
namespace {

TEST(DicomReaderTest, HeaderAttributesAsLabelledFields) {
  DocumentSink sink;
  ASSERT_TRUE(ReadDicom(ReadFixture("chest.dcm"), sink).ok());
  struct Want {
    const char* label;
    const char* path;
    const char* text;
  };
  const Want want[] = {
      {"PatientName", "(0010,0010) PatientName", "Marie Tremblay"},
      {"PatientID", "(0010,0020) PatientID", "MRN-448812"},
      {"PatientBirthDate", "(0010,0030) PatientBirthDate", "1984-03-12"},
      {"PatientSex", "(0010,0040) PatientSex", "F"},
      {"StudyDate (date of service)", "(0008,0020) StudyDate", "2024-01-05"},
      {"SeriesDate (date of service)", "(0008,0021) SeriesDate", "2024-01-05"},
      {"AcquisitionDate (date of service)", "(0008,0022) AcquisitionDate", "2024-01-06"},
      {"InstitutionName (service location)", "(0008,0080) InstitutionName",
       "Regina Imaging Clinic"},
      {"ReferringPhysicianName", "(0008,0090) ReferringPhysicianName", "Dr. Paul Gagnon"},
  };
  ASSERT_EQ(sink.units.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(sink.units[i].kind, UnitKind::kField);
    EXPECT_EQ(sink.units[i].label, want[i].label);
    EXPECT_EQ(sink.units[i].path, want[i].path);
    EXPECT_EQ(sink.units[i].text, want[i].text);
  }
}

TEST(DicomReaderTest, ValueConversions) {
  EXPECT_EQ(DicomPersonName("Tremblay^Marie^J^Dr.^MD"), "Dr. Marie J Tremblay MD");
  EXPECT_EQ(DicomPersonName("Tremblay"), "Tremblay");
  EXPECT_EQ(DicomPersonName("Yamada^Tarou=山田^太郎"), "Tarou Yamada");
  EXPECT_EQ(DicomPersonName(""), "");
  EXPECT_EQ(DicomDate("19840312"), "1984-03-12");
  EXPECT_EQ(DicomDate("1984"), "1984");
  EXPECT_EQ(DicomDate("1984031x"), "1984031x");
}

TEST(DicomReaderTest, DamagedHeadersAreCorrupt) {
  for (const char* bytes : {"", "not dicom at all"}) {
    DocumentSink sink;
    EXPECT_EQ(ReadDicom(bytes, sink).code(), StatusCode::kCorrupt) << bytes;
  }
  DocumentSink sink;
  Status truncated = ReadDicom(ReadFixture("chest_truncated.dcm"), sink);
  EXPECT_EQ(truncated.code(), StatusCode::kCorrupt);
  EXPECT_EQ(truncated.message().rfind("DICOM header cannot be read: ", 0), 0u) << truncated.message();
}

// Peak virtual memory of this process (VmPeak), in KiB.
long VmPeakKib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmPeak:", 0) == 0) return std::stol(line.substr(7));
  }
  return -1;
}

// Declared lengths past the end of the bytes (2 GB where a few bytes
// follow) are refused before anything is allocated for them: DCMTK reading
// from a plain buffer allocated them in full. A 2 GB allocation, even never
// touched, would move the peak virtual size by 2 GB.
TEST(DicomReaderTest, HugeDeclaredLengthsAreRefusedUnallocated) {
  std::ifstream in(std::string(BREACHSCOPE_SOURCE_DIR) +
                       "/fuzz/seeds/dicom_reader_fuzz/dicom_reader_oom_element_length.dcm",
                   std::ios::binary);
  std::stringstream fuzzed;
  fuzzed << in.rdbuf();
  ASSERT_EQ(fuzzed.str().size(), 258u);
  for (const std::string& bytes : {fuzzed.str(), ReadFixture("chest_huge_length.dcm")}) {
    const long before = VmPeakKib();
    ASSERT_GT(before, 0);
    DocumentSink sink;
    Status status = ReadDicom(bytes, sink);
    EXPECT_EQ(status.code(), StatusCode::kCorrupt);
    EXPECT_EQ(status.message(),
              "DICOM header cannot be read: a value's declared length runs past the end of the "
              "file");
    EXPECT_LT(VmPeakKib() - before, 256 * 1024) << "KiB of peak virtual memory";
  }
}

// Values longer than the 64 KiB read at once are skipped while parsing and
// loaded afterwards from the same bytes.
TEST(DicomReaderTest, LongValuesAreLoadedFromTheBytes) {
  std::string bytes = ReadFixture("chest.dcm");
  const std::string name = "Regina Imaging Clinic";
  const size_t at = bytes.find(name);
  ASSERT_NE(at, std::string::npos);
  std::string longer(70000, 'A');
  longer.replace(0, name.size(), name);
  // (0008,0080) LO is explicit VR with a 16-bit length: rewrite it as UT.
  const size_t head = at - 8;
  ASSERT_EQ(bytes.substr(head, 6), std::string("\x08\x00\x80\x00LO", 6));
  std::string element = std::string("\x08\x00\x80\x00UT\0\0", 8);
  for (int i = 0; i < 4; ++i) element += static_cast<char>((longer.size() >> (8 * i)) & 0xFF);
  bytes.replace(head, 8 + 22, element + longer);
  DocumentSink sink;
  ASSERT_TRUE(ReadDicom(bytes, sink).ok());
  const DocUnit* institution = sink.At("(0008,0080) InstitutionName");
  ASSERT_NE(institution, nullptr);
  EXPECT_EQ(institution->text.size(), longer.size());
  EXPECT_EQ(institution->text.substr(0, name.size()), name);
}

}  // namespace
}  // namespace breachscope
