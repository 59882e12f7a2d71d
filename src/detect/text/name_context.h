// Context around a name candidate in free text: titles before it, words
// that say whose name it is ("patient:", "her mother,", "ordering
// physician:"), and credentials after it (", RN", "MD"). Context both raises
// the score and sets the role; staff evidence wins over everything else so
// that no clinician is counted as a patient.
#ifndef BREACHSCOPE_DETECT_TEXT_NAME_CONTEXT_H_
#define BREACHSCOPE_DETECT_TEXT_NAME_CONTEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "detect/text/text_tokens.h"

namespace breachscope::text {

enum class TitleKind { kNone, kPersonal, kClinician, kOther };

// The title a word token is, if any ("Dr" -> kClinician, "Mme" -> kPersonal,
// "Captain" -> kOther). `folded` has no trailing period.
TitleKind ClassifyTitle(std::string_view folded);

// ClassifyTitle(folded) is kClinician or kPersonal, without the look-ups
// that tell other titles from words (asked of every capitalised word).
bool IsPersonTitle(std::string_view folded);

// Lower-case particles inside names: de, du, van, von, da, di, del, la...
bool IsNameParticle(std::string_view folded);

// Credentials that follow a clinician's name: md, rn, np, lpn, phd...
bool IsStaffCredential(std::string_view folded);

// Place words around a candidate: a street type that ends a street name
// ("Grant Avenue"), one written before it ("rue Principale"), and
// prepositions of place ("in Monroe").
bool IsStrongStreetType(std::string_view folded);
bool IsLeadingStreetType(std::string_view folded);
bool IsPlacePreposition(std::string_view folded);

// Words that make the capitalised words before them an organisation or a
// building: "Regina General Hospital", "Walsh Clinic", "Ross Pharmacy".
bool IsFacilityWord(std::string_view folded);

// Units a dose is written in: "Allegra 120 mg" names a drug, not a person.
bool IsDoseUnit(std::string_view folded);

// "Family doctor:", "Numéro d'assurance maladie :", "(DDN :": the candidate
// [first, last] starts a line or follows a bracket or bar, and is followed
// on its line by at most three lower-case words and a colon, so it opens a
// field label. Mid-sentence ("gave Tyler his address:") it does not.
bool OpensLabel(std::string_view text, const std::vector<Token>& tokens,
                int first, int last);

// The candidate ending at `last` is followed by a dose ("Allegra 120 mg").
bool FollowedByDose(std::string_view text, const std::vector<Token>& tokens,
                    int last);

// The candidate ending at `last` is followed by a comma and a province,
// state or country written out ("Monte Gil, Canada"): a place.
bool FollowedByRegion(std::string_view text, const std::vector<Token>& tokens,
                      int last);

struct NameContext {
  double boost = 0.0;
  bool strong = false;  // a title, label or credential: a name for sure
  bool has_title = false;
  // The candidate (with its title) fills its line and the next line opens
  // with a civic number or a box: the addressee of a letter or statement.
  bool addressee = false;
  Role role = Role::kUnknown;
  std::string why;      // explanation fragments, never the value
};

// The context lists a folded word is in, as bits: words before a name
// that say whose it is (staff, relative, patient, a mention), and words
// after it (a person's verb, patient words, a credential).
enum ContextWordBit : uint8_t {
  kStaffWord = 1,
  kRelatedWord = 2,
  kPatientWord = 4,
  kMentionWord = 8,
  kPersonVerb = 16,
  kPatientAfterWord = 32,
  kCredentialWord = 64,
};
// One table look-up for all the lists (0 for most words): the context of
// every candidate asks about a dozen words around it, each once instead of
// once a list.
uint8_t ContextWordBits(std::string_view folded);
// Every word of the lists behind `bit`, for tests.
std::vector<std::string_view> ContextWordList(ContextWordBit bit);

// ReadNameContext(text, tokens, first, last).has_title, without the rest
// of the context: what lets the name analyzer turn away a bare acronym
// ("GET", "HTTP") before reading the words around it.
bool HasTitleBefore(std::string_view text, const std::vector<Token>& tokens,
                    int first);

// Evidence in the tokens before `first` and after `last` (token indexes of
// the candidate, title excluded).
NameContext ReadNameContext(std::string_view text,
                            const std::vector<Token>& tokens, int first,
                            int last);

}  // namespace breachscope::text

#endif  // BREACHSCOPE_DETECT_TEXT_NAME_CONTEXT_H_
