#include "detect/detector_registry.h"

#include <vector>

#include "detect/detectors/date_detector.h"
#include "detect/detectors/email_detector.h"
#include "detect/detectors/phone_intl_detector.h"
#include "detect/detectors/phone_nanp_detector.h"
#include "detect/detectors/postal_code_ca_detector.h"
#include "detect/detectors/sin_detector.h"
#include "detect/detectors/health_number_bc_detector.h"
#include "detect/detectors/health_number_on_detector.h"
#include "detect/detectors/health_number_qc_detector.h"
#include "detect/detectors/provincial_health_detectors.h"
#include "detect/detectors/insurer_member_detector.h"
#include "detect/detectors/medicare_mbi_detector.h"
#include "detect/detectors/us_ssn_detector.h"
#include "detect/detectors/payment_card_detector.h"
#include "detect/detectors/government_id_detectors.h"
#include "detect/detectors/medical_record_number_detector.h"
#include "detect/detectors/icd10_detector.h"
#include "detect/detectors/din_detector.h"
#include "detect/detectors/body_measure_detectors.h"
#include "detect/detectors/signature_detector.h"
// Add one include per detector above this line, in the group of its area.

namespace breachscope {

// Every pattern detector, in the order their findings win ties. One line per
// detector: add yours at the end of its area's group.
std::span<const DetectorSpec* const> RegisteredDetectors() {
  static const auto* const kDetectors = new std::vector<const DetectorSpec*>{
      // contact and dates
      &EmailDetector(),
      &PhoneNanpDetector(),
      &PhoneIntlDetector(),
      &DateDetector(),
      &PostalCodeCaDetector(),
      // identifiers
      &SinDetector(),
      &HealthNumberOnDetector(),
      &HealthNumberBcDetector(),
      &HealthNumberQcDetector(),
      &HealthNumberSkDetector(),
      &HealthNumberAbDetector(),
      &HealthNumberMbDetector(),
      &HealthNumberNbDetector(),
      &HealthNumberNsDetector(),
      &HealthNumberPeDetector(),
      &HealthNumberNlDetector(),
      &HealthNumberYtDetector(),
      &HealthNumberNtDetector(),
      &HealthNumberNuDetector(),
      &HealthNumberCaDetector(),
      &MedicareMbiDetector(),
      &InsurerMemberDetector(),
      &UsSsnDetector(),
      &PaymentCardDetector(),
      &DriversLicenceOnDetector(),
      &DriversLicenceQcDetector(),
      &DriversLicenceWestDetector(),
      &PassportCaDetector(),
      &PassportUsDetector(),
      &MedicalRecordNumberDetector(),
      // medical
      &Icd10Detector(),
      &DinDetector(),
      &WeightDetector(),
      &HeightDetector(),
      &SignatureDetector(),
  };
  return *kDetectors;
}

}  // namespace breachscope
