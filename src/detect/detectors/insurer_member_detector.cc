#include "detect/detectors/insurer_member_detector.h"

#include "detect/detectors/health_number_common.h"

namespace breachscope {
namespace {

// Insurers number members freely, so the shape only rules out what is
// surely not a member number: fewer than 4 digits or 5 characters.
Validation ValidateMember(std::string_view text) {
  std::string value;
  int digits = 0;
  for (char c : text) {
    if (c == '-') continue;
    if (c >= '0' && c <= '9') ++digits;
    value.push_back(c);
  }
  if (digits < 4 || value.size() < 5) return {};
  return {Verdict::kPlausible, "INS:" + value, kHealthCategory, "format only"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "insurer_member";
  spec.category = kHealthCategory;
  spec.description = "Insurer member, certificate, group, policy and subscriber numbers, with context";
  // At most one dash, so dates and dashed phone numbers never match whole.
  spec.triggers = {{.name = "insurer_member",
                    .pattern = R"([A-Z0-9]{2,8}-?[A-Z0-9]{3,14})",
                    .confidence = 0.45}};
  spec.contexts = {{kHealthCategory,
                    {"member id", "member no", "member number",
                     "certificate no", "certificate number", "cert no",
                     "policy number", "policy no", "group number", "group no",
                     "subscriber id", "subscriber no", "subscriber number",
                     "plan member", "insurance id", "no de certificat",
                     "numéro de certificat"},
                    {}}};
  spec.requires_context = true;
  spec.validate = ValidateMember;
  spec.examples = {
      Match("XYZ123456789", "Member ID", kHealthCategory, "INS:XYZ123456789"),
      Match("Certificate no. 00457812", "", kHealthCategory, "INS:00457812"),
      Match("Policy number: GL-0045781", "", kHealthCategory, "INS:GL0045781"),
      Match("Group number 55123", "", kHealthCategory, "INS:55123"),
      Match("A1B2C3D4E5", "subscriber_id", kHealthCategory, "INS:A1B2C3D4E5"),
      Match("Subscriber ID W123456789 (Blue Cross)", "", kHealthCategory,
            "INS:W123456789"),
      Match("0045781", "Cert No", kHealthCategory, "INS:0045781"),
      FieldMatch("MBR00012345", "Coverage.memberId.member id", kHealthCategory,
                 "INS:MBR00012345"),
      NoMatch("XYZ123456789"),                     // no context
      NoMatch("ABCDEF123", "Member ID"),           // three digits
      NoMatch("Member ID: 1234"),                  // too short
      NoMatch("Order XYZ123456789 shipped"),       // no context
      NoMatch("2020-05-01", "Policy Number"),      // a date
      NoMatch("AB-12-34-56", "Group Number"),      // several dashes
      NoMatch("xyz123456789", "Member ID"),        // lower case
      NoMatch("XYZ123456789", "Member Name"),      // label is not a number
  };
  return spec;
}

}  // namespace

const DetectorSpec& InsurerMemberDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
