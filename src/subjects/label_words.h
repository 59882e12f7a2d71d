// Words of a field label or a value, for classifying labels ("First Name",
// "PID-5", "entry.resource.name.given") and comparing names loosely.
// Pure functions; thread-safe.
#ifndef BREACHSCOPE_SUBJECTS_LABEL_WORDS_H_
#define BREACHSCOPE_SUBJECTS_LABEL_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace breachscope {

// Splits on every ASCII byte that is not a letter or digit; ASCII letters
// lower-cased, other UTF-8 bytes kept ("Prénom" -> "prénom"). Camel case is
// split too ("postalCode" -> "postal", "code") because JSON and XML keys
// are written that way.
std::vector<std::string> LabelWords(std::string_view text);

// True when any word of `words` is one of `wanted`.
bool HasAnyWord(const std::vector<std::string>& words,
                std::initializer_list<std::string_view> wanted);

// HL7 position of a field path "PID-5[1].2": segment "PID", field 5,
// repetition 1, component 2; "OBX(3)-5[1].1" names the third OBX of the
// message (occurrence 3; 0 when not written). Missing parts are 0; `ok`
// false when `path` is not an HL7 field path.
struct Hl7Position {
  bool ok = false;
  std::string segment;
  int occurrence = 0;
  int field = 0;
  int repetition = 0;
  int component = 0;
};
Hl7Position ParseHl7Path(std::string_view path);

}  // namespace breachscope

#endif  // BREACHSCOPE_SUBJECTS_LABEL_WORDS_H_
