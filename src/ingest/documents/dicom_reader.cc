#include "ingest/documents/dicom_reader.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/oflog/oflog.h>

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
  Kind kind;
};

const Attribute kAttributes[] = {
    {DCM_PatientName, "PatientName", Kind::kPersonName},
    {DCM_OtherPatientNames, "OtherPatientNames", Kind::kPersonName},
    {DCM_PatientID, "PatientID", Kind::kText},
    // Retired in the standard, still written by older modalities.
    {DCM_RETIRED_OtherPatientIDs, "OtherPatientIDs", Kind::kText},
    {DCM_PatientBirthDate, "PatientBirthDate", Kind::kDate},
    {DCM_PatientSex, "PatientSex", Kind::kText},
    {DCM_PatientAddress, "PatientAddress", Kind::kText},
    {DCM_PatientTelephoneNumbers, "PatientTelephoneNumbers", Kind::kText},
    {DCM_StudyDate, "StudyDate", Kind::kDate},
    {DCM_InstitutionName, "InstitutionName", Kind::kText},
    {DCM_InstitutionAddress, "InstitutionAddress", Kind::kText},
    {DCM_ReferringPhysicianName, "ReferringPhysicianName", Kind::kPersonName},
    {DCM_PerformingPhysicianName, "PerformingPhysicianName", Kind::kPersonName},
};

// Header attributes are short; longer values are left unread by DCMTK.
constexpr Uint32 kMaxValueBytes = 64 * 1024;

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
  DcmInputBufferStream stream;
  stream.setBuffer(bytes.data(), static_cast<offile_off_t>(bytes.size()));
  stream.setEos();
  DcmFileFormat file;
  file.transferInit();
  OFCondition cond = file.readUntilTag(stream, EXS_Unknown, EGL_noChange, kMaxValueBytes,
                                       DCM_PixelData);
  file.transferEnd();
  if (cond.bad()) return Corrupt(std::string("DICOM header cannot be read: ") + cond.text());
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
      unit.label = attribute.keyword;
      unit.path = path;
      sink.OnUnit(unit);
    }
  }
  return {};
}

}  // namespace breachscope
