#include "detect/medical/medical_analyzers.h"

#include "detect/medical/condition_analyzer.h"
#include "detect/medical/history_analyzer.h"
#include "detect/medical/lab_result_analyzer.h"
#include "detect/medical/medication_analyzer.h"

namespace breachscope {

const UnitAnalyzer& MedicalConditionAnalyzer() {
  static const auto* const kAnalyzer = new medical::ConditionAnalyzer();
  return *kAnalyzer;
}

const UnitAnalyzer& MedicalMedicationAnalyzer() {
  static const auto* const kAnalyzer = new medical::MedicationAnalyzer();
  return *kAnalyzer;
}

const UnitAnalyzer& MedicalLabResultAnalyzer() {
  static const auto* const kAnalyzer = new medical::LabResultAnalyzer();
  return *kAnalyzer;
}

const UnitAnalyzer& MedicalHistoryAnalyzer() {
  static const auto* const kAnalyzer = new medical::MedicalHistoryAnalyzer();
  return *kAnalyzer;
}

}  // namespace breachscope
