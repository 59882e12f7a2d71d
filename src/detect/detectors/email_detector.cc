#include "detect/detectors/email_detector.h"

namespace breachscope {
namespace {

constexpr size_t kMaxLocal = 64;
constexpr size_t kMaxLabel = 63;
constexpr size_t kMaxDomain = 253;

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// Dot-separated parts: none empty (no leading, trailing or double dot).
bool DotsWellPlaced(std::string_view s) {
  return !s.empty() && s.front() != '.' && s.back() != '.' &&
         s.find("..") == std::string_view::npos;
}

// Every domain label 1-63 bytes, not starting or ending with '-'.
bool DomainLabelsValid(std::string_view domain) {
  while (!domain.empty()) {
    size_t dot = domain.find('.');
    std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.size() > kMaxLabel || !IsAlnum(label.front()) ||
        !IsAlnum(label.back())) {
      return false;
    }
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

// The trigger guarantees one '@', a local part of allowed bytes and a
// letters-only TLD; this checks the dot and hyphen rules.
Validation ValidateEmail(std::string_view text) {
  size_t at = text.find('@');
  if (at == std::string_view::npos) return {};
  std::string_view local = text.substr(0, at);
  std::string_view domain = text.substr(at + 1);
  if (local.size() > kMaxLocal || domain.size() > kMaxDomain ||
      !DotsWellPlaced(local) ||
      !DotsWellPlaced(domain) || !DomainLabelsValid(domain)) {
    return {};
  }
  return {Verdict::kConfirmed, Lower(text), {}, "well-formed address"};
}

DetectorSpec MakeSpec() {
  DetectorSpec spec;
  spec.id = "email";
  spec.category = "email";
  spec.description = "E-mail addresses local@domain.tld";
  spec.triggers = {{
      .name = "email",
      // Bounded repeats with start-of-match tracking make Vectorscan's
      // database too large, so lengths are checked by the validator.
      .pattern = R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24})",
      .confidence = 0.85,
      // "//user@host" is a URL's user part, not an address; a local-part
      // byte before the start means the local part is longer than allowed.
      .not_after = "/._%+-",
      .max_length = kMaxLocal + 1 + kMaxDomain,
  }};
  spec.contexts = {{"email", {"email", "e-mail", "courriel", "mail"}, {}}};
  spec.validate = ValidateEmail;
  spec.examples = {
      Match("jane.doe@example.com", "", "email", "jane.doe@example.com"),
      Match("Contact: Jane.Doe@Example.CA.", "", "email", "jane.doe@example.ca"),
      Match("j_o+lab@mail.sask-health.ca", "Email", "email",
            "j_o+lab@mail.sask-health.ca"),
      Match("<a.b@c.io>", "", "email", "a.b@c.io"),
      Match("mailto:pat@clinic.org", "", "email", "pat@clinic.org"),
      Match("https://x.org/form?to=pat@clinic.org", "", "email",
            "pat@clinic.org"),
      FieldMatch("x@y.health", "entry.resource.telecom.value", "email",
                 "x@y.health"),
      NoMatch("jane.doe@example"),
      NoMatch("jane..doe@example.com"),
      NoMatch(".jane@example.com"),
      NoMatch("jane@-example.com"),
      NoMatch("jane@example.c"),
      NoMatch("jane@example.com5"),
      NoMatch("ftp://user@files.example.com/data"),
      NoMatch("@example.com"),
      NoMatch("user at example dot com"),
  };
  return spec;
}

}  // namespace

const DetectorSpec& EmailDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec(MakeSpec());
  return *kSpec;
}

}  // namespace breachscope
