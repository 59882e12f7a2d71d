#include "ingest/documents/dicom_reader.h"

#include <gtest/gtest.h>

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
      {"StudyDate", "(0008,0020) StudyDate", "2024-01-05"},
      {"InstitutionName", "(0008,0080) InstitutionName", "Regina Imaging Clinic"},
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

}  // namespace
}  // namespace breachscope
