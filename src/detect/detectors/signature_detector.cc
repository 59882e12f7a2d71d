#include "detect/detectors/signature_detector.h"

#include <string>

namespace breachscope {
namespace {

// A capitalised name of two or three words, with an optional "Dr." and
// middle initial; UTF-8 letters allowed ("Émile Côté").
#define BS_WORD "[A-Z\\xC3][A-Za-z'\\x80-\\xFF-]+"
#define BS_NAME "(Dr\\.? )?" BS_WORD "( [A-Z]\\.)?( " BS_WORD "){1,2}"

// Words that fill a signature line without naming anyone.
bool IsPlaceholderWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "Not", "None", "Pending", "On", "File", "Yes", "No", "Required",
      "Date", "Patient", "Unsigned", "Signature", "Signed", "Name", "Here",
      "Applicable", "Missing", "Obtained", "Verbal", "Consent", "Electronic",
      "Electronically"};
  for (std::string_view w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// The name after the marker: from the first capitalised word after the
// last ':' / "by " / "par " / "/s/" of the marker.
std::string_view NamePart(std::string_view text) {
  size_t at = 0;
  for (std::string_view cut : {":", "by ", "By ", "par ", "/s/", "/S/"}) {
    size_t found = text.find(cut);
    if (found != std::string_view::npos) at = std::max(at, found + cut.size());
  }
  while (at < text.size() && text[at] == ' ') ++at;
  return text.substr(at);
}

Validation ValidateSignature(std::string_view text) {
  std::string_view name = NamePart(text);
  std::string normalized;
  size_t words = 0;
  for (size_t i = 0; i < name.size();) {
    size_t end = name.find(' ', i);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(i, end - i);
    if (IsPlaceholderWord(word)) return {};
    if (!word.empty()) {
      if (!normalized.empty()) normalized.push_back(' ');
      normalized.append(word);
      ++words;
    }
    i = end + 1;
  }
  if (words < 2) return {};
  return {Verdict::kConfirmed, std::move(normalized), {}, "signer named"};
}

std::vector<Trigger> Triggers() {
  return {
      {.name = "esigned_by",
       .pattern = "[Ee]lectronically [Ss]igned( [Bb]y)?:? " BS_NAME,
       .confidence = 0.80, .max_length = 120},
      {.name = "e_signed_by", .pattern = "[Ee]-?[Ss]igned [Bb]y:? " BS_NAME,
       .confidence = 0.75, .max_length = 120},
      {.name = "slash_s", .pattern = "/[Ss]/ ?" BS_NAME, .confidence = 0.75, .max_length = 120},
      {.name = "signed_colon",
       .pattern = "(Signed|SIGNED|Signature|SIGNATURE|Signed [Bb]y) ?: ?" BS_NAME,
       .confidence = 0.70, .max_length = 120},
      {.name = "signe_par",
       .pattern = "[Ss]ign(\\xC3\\xA9|e)( (\\xC3\\xA9|e)lectroniquement)? "
                  "par:? " BS_NAME,
       .confidence = 0.75, .max_length = 120},
      {.name = "signature_field", .pattern = BS_NAME, .confidence = 0.60,
       .needs = TriggerNeeds::kLabel, .max_length = 120},
  };
}

#undef BS_NAME
#undef BS_WORD

std::vector<DetectorExample> Examples() {
  return {
      Match("Electronically signed by John Smith, MD", "", "signature",
            "John Smith"),
      Match("e-signed by Dr. Jane Doe on 2020-01-02", "", "signature",
            "Dr. Jane Doe"),
      Match("/s/ Mary K. Jones", "", "signature", "Mary K. Jones"),
      Match("Signed: Paul Martin", "", "signature", "Paul Martin"),
      Match("Signature: Anne-Marie Tremblay", "", "signature",
            "Anne-Marie Tremblay"),
      Match("Signé électroniquement par Émile Côté", "", "signature",
            "Émile Côté"),
      Match("Electronically Signed By: Dr. Raj Patel", "", "signature",
            "Dr. Raj Patel"),
      Match("Dr. Sarah Lee", "Physician Signature", "signature",
            "Dr. Sarah Lee"),
      NoMatch("Signature: ____________"),
      NoMatch("Signed: Yes"),
      NoMatch("Signature on file"),
      NoMatch("Signature: Not Applicable"),
      NoMatch("signed by john smith"),
      NoMatch("Dr. Sarah Lee"),
      NoMatch("Sarah Lee", "Attending Physician"),
      NoMatch("Signed: Verbal Consent Obtained"),
      NoMatch("the lease was signed by both parties"),
  };
}

}  // namespace

const DetectorSpec& SignatureDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "signature",
      .category = "signature",
      .description = "Electronic signature markers with the signer's name",
      .triggers = Triggers(),
      .contexts = {{"signature",
                    {"signature", "signataire", "e signature", "esignature"},
                    {}}},
      .validate = ValidateSignature,
      .examples = Examples(),
  };
  return *kSpec;
}

}  // namespace breachscope
