// Plain words for category ids, as letters and the mail-house list say them.
#include <map>

#include "report/notice/report_model.h"

namespace breachscope {

std::string CategoryWords(const std::string& category, bool french) {
  static const std::map<std::string, std::pair<const char*, const char*>> kWords = {
      {"name", {"name", "nom"}},
      {"address", {"address", "adresse"}},
      {"date_of_birth", {"date of birth", "date de naissance"}},
      {"height", {"height", "taille"}},
      {"weight", {"weight", "poids"}},
      {"phone", {"phone number", "numéro de téléphone"}},
      {"email", {"e-mail address", "adresse courriel"}},
      {"service_date", {"dates of service or tests", "dates de service ou d'analyse"}},
      {"service_location", {"places of service", "lieux de service"}},
      {"diagnosis", {"diagnoses or conditions", "diagnostics ou problèmes de santé"}},
      {"medication", {"medications", "médicaments"}},
      {"medical_record_number", {"medical record number", "numéro de dossier médical"}},
      {"patient_number", {"patient number", "numéro de patient"}},
      {"health_insurance_number", {"health insurance number", "numéro d'assurance maladie"}},
      {"signature", {"signature", "signature"}},
      {"lab_result", {"laboratory test results", "résultats d'analyses de laboratoire"}},
      {"medical_history", {"medical history and clinical notes", "antécédents médicaux et notes cliniques"}},
      {"sin", {"social insurance number", "numéro d'assurance sociale"}},
      {"payment_card", {"payment card number", "numéro de carte de paiement"}},
      {"government_id", {"driver's licence or passport number", "numéro de permis de conduire ou de passeport"}},
  };
  auto it = kWords.find(category);
  if (it == kWords.end()) return category;
  return french ? it->second.second : it->second.first;
}

}  // namespace breachscope
