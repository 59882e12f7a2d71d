#include "ingest/documents/dicom_reader.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>
#include <vector>

namespace breachscope {
namespace {

enum class Kind { kText, kPersonName, kDate };

struct Attribute {
  DcmTagKey tag;
  const char* keyword;
  // What the detectors read (the path keeps the keyword): the keyword,
  // with the meaning added where the keyword alone would be misread, an
  // institution's name as a person's name, or a study date as no date at all.
  const char* label;
  Kind kind;
};

const Attribute kAttributes[] = {
    {DCM_PatientName, "PatientName", "PatientName", Kind::kPersonName},
    {DCM_OtherPatientNames, "OtherPatientNames", "OtherPatientNames", Kind::kPersonName},
    {DCM_PatientID, "PatientID", "PatientID", Kind::kText},
    // Retired in the standard, still written by older modalities.
    {DCM_RETIRED_OtherPatientIDs, "OtherPatientIDs", "OtherPatientIDs", Kind::kText},
    {DCM_PatientBirthDate, "PatientBirthDate", "PatientBirthDate", Kind::kDate},
    {DCM_PatientSex, "PatientSex", "PatientSex", Kind::kText},
    {DCM_PatientAddress, "PatientAddress", "PatientAddress", Kind::kText},
    {DCM_PatientTelephoneNumbers, "PatientTelephoneNumbers", "PatientTelephoneNumbers", Kind::kText},
    {DCM_StudyDate, "StudyDate", "StudyDate (date of service)", Kind::kDate},
    {DCM_SeriesDate, "SeriesDate", "SeriesDate (date of service)", Kind::kDate},
    {DCM_AcquisitionDate, "AcquisitionDate", "AcquisitionDate (date of service)", Kind::kDate},
    {DCM_InstitutionName, "InstitutionName", "InstitutionName (service location)", Kind::kText},
    {DCM_InstitutionAddress, "InstitutionAddress", "InstitutionAddress (service location)",
     Kind::kText},
    {DCM_ReferringPhysicianName, "ReferringPhysicianName", "ReferringPhysicianName",
     Kind::kPersonName},
    {DCM_PerformingPhysicianName, "PerformingPhysicianName", "PerformingPhysicianName",
     Kind::kPersonName},
};

// Header attributes are short; longer values are left unread by DCMTK.
constexpr Uint32 kMaxValueBytes = 64 * 1024;

class MemoryStream;

// Re-reads a value left unread, from where it starts in the same bytes.
class MemoryStreamFactory : public DcmInputStreamFactory {
 public:
  MemoryStreamFactory(std::string_view bytes, offile_off_t at) : bytes_(bytes), at_(at) {}
  DcmInputStream* create() const override;
  DcmInputStreamFactory* clone() const override { return new MemoryStreamFactory(*this); }
  DcmInputStreamFactoryType ident() const override { return DFT_DcmInputFileStreamFactory; }

 private:
  std::string_view bytes_;
  offile_off_t at_;
};

// DCMTK's buffer stream cannot make a factory, and then DCMTK allocates
// every value longer than kMaxValueBytes in full before it finds out the
// bytes are not there: a crafted length of 2 GB is a 2 GB allocation. With a
// factory it skips such a value instead, and a skip past the end is an
// error; a value is only ever loaded once its bytes are known to exist.
class MemoryStream : public DcmInputBufferStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {
    setBuffer(bytes.data(), static_cast<offile_off_t>(bytes.size()));
    setEos();
  }
  DcmInputStreamFactory* newFactory() const override {
    // Past a deflate filter, tell() counts inflated bytes, not offsets
    // into `bytes`: such values stay unread (an empty stream).
    if (inflating_) return new MemoryStreamFactory({}, 0);
    return new MemoryStreamFactory(bytes_, tell());
  }
  OFCondition installCompressionFilter(E_StreamCompression filter) override {
    inflating_ = true;
    return DcmInputBufferStream::installCompressionFilter(filter);
  }
  offile_off_t skip(offile_off_t length) override {
    const offile_off_t skipped = DcmInputBufferStream::skip(length);
    if (skipped < length) past_end_ = true;
    return skipped;
  }
  // True once a declared value length ran past the end of the bytes.
  bool past_end() const { return past_end_; }

 private:
  std::string_view bytes_;
  bool inflating_ = false;
  bool past_end_ = false;
};

DcmInputStream* MemoryStreamFactory::create() const {
  const size_t at = std::min(static_cast<size_t>(at_), bytes_.size());
  return new MemoryStream(bytes_.substr(at));
}

void SilenceDcmtk() {
  static std::once_flag once;
  std::call_once(once, [] { OFLog::configure(OFLogger::OFF_LOG_LEVEL); });
}

std::vector<std::string> SplitValues(std::string_view value) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t sep = value.find('\\', start);
    std::string part(value.substr(start, sep - start));
    while (!part.empty() && (part.back() == ' ' || part.back() == '\0')) part.pop_back();
    size_t lead = part.find_first_not_of(' ');
    if (lead != std::string::npos && !part.empty()) parts.push_back(part.substr(lead));
    if (sep == std::string_view::npos) break;
    start = sep + 1;
  }
  return parts;
}

std::string Convert(const std::string& value, Kind kind) {
  switch (kind) {
    case Kind::kPersonName: return DicomPersonName(value);
    case Kind::kDate: return DicomDate(value);
    case Kind::kText: break;
  }
  return value;
}

}  // namespace

std::string DicomPersonName(std::string_view pn) {
  // Only the alphabetic group: ideographic and phonetic ones follow '='.
  pn = pn.substr(0, pn.find('='));
  std::vector<std::string_view> c;
  for (size_t start = 0;;) {
    const size_t caret = pn.find('^', start);
    c.push_back(pn.substr(start, caret - start));
    if (caret == std::string_view::npos) break;
    start = caret + 1;
  }
  c.resize(5);
  std::string out;
  for (std::string_view part : {c[3], c[1], c[2], c[0], c[4]}) {  // prefix given middle family suffix
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

std::string DicomDate(std::string_view da) {
  if (da.size() != 8) return std::string(da);
  for (char ch : da) {
    if (!std::isdigit(static_cast<unsigned char>(ch))) return std::string(da);
  }
  return std::string(da.substr(0, 4)) + "-" + std::string(da.substr(4, 2)) + "-" +
         std::string(da.substr(6, 2));
}

Status ReadDicom(std::string_view bytes, UnitSink& sink) {
  SilenceDcmtk();
  MemoryStream stream(bytes);
  DcmFileFormat file;
  file.transferInit();
  OFCondition cond = file.readUntilTag(stream, EXS_Unknown, EGL_noChange, kMaxValueBytes,
                                       DCM_PixelData);
  file.transferEnd();
  if (cond.bad()) {
    return Corrupt(std::string("DICOM header cannot be read: ") +
                   (stream.past_end() ? "a value's declared length runs past the end of the file"
                                      : cond.text()));
  }
  DcmDataset* dataset = file.getDataset();
  if (dataset == nullptr) return Corrupt("DICOM file without a data set");
  for (const Attribute& attribute : kAttributes) {
    OFString value;
    if (dataset->findAndGetOFStringArray(attribute.tag, value).bad()) continue;
    char tag[16];
    std::snprintf(tag, sizeof(tag), "(%04X,%04X) ", attribute.tag.getGroup(),
                  attribute.tag.getElement());
    const std::string path = tag + std::string(attribute.keyword);
    for (const std::string& part : SplitValues(std::string_view(value.c_str(), value.length()))) {
      const std::string text = Convert(part, attribute.kind);
      if (text.empty()) continue;
      TextUnit unit;
      unit.kind = UnitKind::kField;
      unit.text = text;
      unit.label = attribute.label;
      unit.path = path;
      sink.OnUnit(unit);
    }
  }
  return {};
}

}  // namespace breachscope
