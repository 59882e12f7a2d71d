// DICOM files (medical images) through DCMTK: the patient and study
// attributes of the header, never the pixels.
//
// Delivered as kField units with the attribute's tag and keyword as path
// ("(0010,0010) PatientName") and the keyword as label: PatientName,
// OtherPatientNames, PatientID, OtherPatientIDs, PatientBirthDate,
// PatientSex, PatientAddress, PatientTelephoneNumbers, StudyDate,
// SeriesDate, AcquisitionDate, InstitutionName, InstitutionAddress,
// ReferringPhysicianName, PerformingPhysicianName. The label adds the
// meaning where the keyword alone would mislead the detectors: the study,
// series and acquisition dates are "StudyDate (date of service)" (a
// service_date), the institution's name and address "InstitutionName
// (service location)" (a service_location, not a person's name).
// PatientSex stays a labelled field ("F"), no category of its own.
// Person names are turned from DICOM's `Family^Given^Middle^Prefix^Suffix` into the order they are
// written in ("Dr. Marie J Tremblay"); dates from YYYYMMDD into ISO
// ("1984-03-12") so the detectors read them as the same person and date
// found in any other file. Multiple values (`\`-separated) are one unit each.
// Parsing stops at the pixel data, so a 500 MB study costs no more than its
// header. Values longer than 64 KiB are skipped while parsing and loaded
// from the same bytes only if wanted; a declared length past the end of
// the bytes is refused before anything is allocated for it. Input that is
// not DICOM, or whose header is damaged, gives Corrupt. DCMTK's console
// logging is silenced. Thread-safe.
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
