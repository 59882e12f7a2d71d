// DICOM files (medical images) through DCMTK: the patient and study
// attributes of the header, never the pixels.
//
// Delivered as kField units labelled with the attribute's keyword and with
// its tag as path ("(0010,0010) PatientName"): PatientName, OtherPatientNames,
// PatientID, OtherPatientIDs, PatientBirthDate, PatientSex, PatientAddress,
// PatientTelephoneNumbers, StudyDate, InstitutionName, InstitutionAddress,
// ReferringPhysicianName, PerformingPhysicianName. Person names are turned
// from DICOM's `Family^Given^Middle^Prefix^Suffix` into the order they are
// written in ("Dr. Marie J Tremblay"); dates from YYYYMMDD into ISO
// ("1984-03-12") so the detectors read them as the same person and date
// found in any other file. Multiple values (`\`-separated) are one unit each.
// Parsing stops at the pixel data, so a 500 MB study costs no more than its
// header. Input that is not DICOM, or whose header is damaged, gives
// Corrupt. DCMTK's console logging is silenced. Thread-safe.
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_DICOM_READER_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_DICOM_READER_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "common/text_unit.h"

namespace breachscope {

Status ReadDicom(std::string_view bytes, UnitSink& sink);

// "Tremblay^Marie^J^Dr." -> "Dr. Marie J Tremblay".
std::string DicomPersonName(std::string_view pn);
// "19840312" -> "1984-03-12"; other text unchanged.
std::string DicomDate(std::string_view da);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_DICOM_READER_H_
