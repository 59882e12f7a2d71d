// The medical vocabularies of data/medical/ (see its SOURCES.md), loaded
// from the embedded data on first use and immutable afterwards. Every
// accessor is thread-safe (function-local statics, never destroyed).
#ifndef BREACHSCOPE_DETECT_MEDICAL_MEDICAL_DATA_H_
#define BREACHSCOPE_DETECT_MEDICAL_MEDICAL_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "detect/medical/phrase_dictionary.h"

namespace breachscope::medical {

// True when `code` (upper case, no dot: "E119") is an ICD-10-CM code.
bool IsIcd10Code(std::string_view code);
// The code's ICD-10-CM title ("Headache" for "R51"), or empty.
std::string_view Icd10Title(std::string_view code);
// True when `folded` (FoldPhrase) is the folded title of some ICD-10-CM code.
// The first call builds the folded set (some tens of milliseconds).
bool IsIcd10Title(std::string_view folded);

// True when `din` (8 digits) is a marketed human drug in Health Canada's
// Drug Product Database.
bool IsMarketedDin(std::string_view din);

// Condition words and phrases (conditions.txt).
const PhraseDictionary& ConditionDictionary();

// Drug ingredient and brand names (drug_names.txt).
const PhraseDictionary& DrugDictionary();
// True for drug-name keys that are also people's names or plain words
// (drug_names_ambiguous.txt): they count only with a dose or a label.
bool IsAmbiguousDrug(int key);

struct LabTest {
  std::string name;   // canonical, lower case: "hba1c"
  std::string loinc;  // may be empty
  std::vector<std::string> units;  // as written: "mmol/L"
};

// One spelling of a lab test. Short ones (3 characters or fewer) match only
// with exactly these bytes ("ALT", "Hb").
struct LabAlias {
  int test = 0;
  std::string exact;  // empty: any case and accents
};

struct LabCatalog {
  std::vector<LabTest> tests;
  PhraseDictionary names;
  std::vector<std::vector<LabAlias>> aliases;  // by names' key id
};

const LabCatalog& LabTests();

// Loads everything now; returns the number of entries loaded (for the load
// time check and startup warm-up).
size_t WarmUpMedicalData();

}  // namespace breachscope::medical

#endif  // BREACHSCOPE_DETECT_MEDICAL_MEDICAL_DATA_H_
