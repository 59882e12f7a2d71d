#include "detect/medical/coded_condition.h"

#include <string>

#include "detect/medical/analyzer_util.h"
#include "detect/medical/medical_data.h"

namespace breachscope::medical {
namespace {

constexpr double kTitleConfidence = 0.85;
constexpr size_t kMaxCode = 8;  // "O09.893" and a little slack
// Whole values longer than any title are not looked up.
constexpr size_t kMaxTitle = 240;

// "k21.9" -> "K219": the form of the code list.
std::string CodeKey(std::string_view written) {
  std::string key;
  for (char c : written) {
    if (c == '.') continue;
    key.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  }
  return key;
}

// True when text[from, to) holds only what sits between a title and its
// code: spaces and one bracket, dash or colon ("Headache (R51)",
// "R51 - Headache", "R51: Headache").
bool IsJoiner(std::string_view text, size_t from, size_t to) {
  if (to < from || to - from > 4) return false;
  for (size_t i = from; i < to; ++i) {
    char c = text[i];
    if (c != ' ' && c != '(' && c != ')' && c != '[' && c != ']' &&
        c != '-' && c != ':') {
      return false;
    }
  }
  return true;
}

size_t TokenCount(std::string_view folded) {
  size_t n = folded.empty() ? 0 : 1;
  for (char c : folded) n += c == ' ';
  return n;
}

// First and last token of the span [start, end), or false.
bool TokensOf(const FoldedText& text, uint32_t start, uint32_t end,
              size_t* first, size_t* last) {
  size_t i = 0;
  while (i < text.size() && text.Start(i) < start) ++i;
  if (i == text.size() || text.Start(i) != start) return false;
  size_t j = i;
  while (j + 1 < text.size() && text.End(j + 1) <= end) ++j;
  if (text.End(j) != end) return false;
  *first = i;
  *last = j;
  return true;
}

void Propose(const FoldedText& text, size_t first, size_t last,
             std::string_view title, std::vector<ProposedFinding>* out) {
  out->push_back({text.Start(first), text.End(last), "icd10_title",
                  "diagnosis", std::string(title), kTitleConfidence,
                  "icd-10 title beside its code"});
}

// Proposes the title beside the code at [start, end); true when found.
bool TitleBeside(std::string_view unit_text, const FoldedText& text,
                 uint32_t start, uint32_t end,
                 std::vector<ProposedFinding>* out) {
  std::string_view title =
      Icd10Title(CodeKey(unit_text.substr(start, end - start)));
  if (title.empty()) return false;
  std::string folded = FoldPhrase(title);
  size_t n = TokenCount(folded);
  size_t first = 0, last = 0;
  if (n == 0 || !TokensOf(text, start, end, &first, &last)) return false;
  // Title before the code: "Headache (R51)".
  if (first >= n && text.Phrase(first - n, first - 1) == folded &&
      IsJoiner(unit_text, text.End(first - 1), start)) {
    Propose(text, first - n, first - 1, folded, out);
    return true;
  }
  // Title after the code: "R51 - Headache".
  if (last + n < text.size() && text.Phrase(last + 1, last + n) == folded &&
      IsJoiner(unit_text, end, text.Start(last + 1))) {
    Propose(text, last + 1, last + n, folded, out);
    return true;
  }
  return false;
}

// "R42" or "K59.00": a capital, two digits, optionally a dot and 1-4 more.
bool LooksLikeCode(std::string_view s) {
  if (s.size() < 3 || s.size() > kMaxCode || s[0] < 'A' || s[0] > 'Z') {
    return false;
  }
  for (size_t i = 1; i < s.size(); ++i) {
    bool ok = (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] == '.' && i == 3 && i + 1 < s.size());
    if (!ok) return false;
  }
  return s[1] >= '0' && s[1] <= '9';
}

bool Covered(std::span<const PriorFinding> prior, uint32_t start) {
  for (const PriorFinding& p : prior) {
    if (p.category == "diagnosis" && p.start <= start && start < p.end) {
      return true;
    }
  }
  return false;
}

// Undotted codes need context words to be found by the icd10 detector; in
// brackets right after their own title ("Dizziness and giddiness (R42)")
// the title is that context, so the code is proposed with it.
void BracketedCodes(std::string_view unit_text, const FoldedText& text,
                    std::span<const PriorFinding> prior,
                    std::vector<ProposedFinding>* out) {
  NextOfEither opens(unit_text, '(', '['), closes(unit_text, ')', ']');
  for (size_t open = opens.From(0); open != std::string_view::npos;
       open = opens.From(open + 1)) {
    size_t close = closes.From(open);
    if (close == std::string_view::npos) return;
    auto start = static_cast<uint32_t>(open + 1);
    auto end = static_cast<uint32_t>(close);
    std::string_view code = unit_text.substr(start, end - start);
    if (!LooksLikeCode(code) || Covered(prior, start)) continue;
    if (!TitleBeside(unit_text, text, start, end, out)) continue;
    std::string key = CodeKey(code);
    std::string normal = key.size() > 3
                             ? key.substr(0, 3) + "." + key.substr(3)
                             : key;
    out->push_back({start, end, "icd10_title", "diagnosis", normal,
                    kTitleConfidence, "icd-10 code beside its title"});
  }
}

}  // namespace

void ProposeCodedTitles(std::string_view unit_text, const FoldedText& text,
                        std::span<const PriorFinding> prior,
                        std::vector<ProposedFinding>* out) {
  for (const PriorFinding& code : prior) {
    if (code.category == "diagnosis" && code.end - code.start <= kMaxCode) {
      TitleBeside(unit_text, text, code.start, code.end, out);
    }
  }
  BracketedCodes(unit_text, text, prior, out);
}

}  // namespace breachscope::medical

namespace breachscope::medical {

void ProposeWholeTitle(std::string_view unit_text, const FoldedText& text,
                       std::vector<ProposedFinding>* out) {
  Span whole = Trimmed(unit_text);
  // One-word titles ("Headache") are left to the condition words: as a
  // whole value they are as often a symptom or a reason for a visit.
  if (text.size() < 2 || whole.end - whole.start > kMaxTitle) return;
  // Whitespace makes no token, so the whole text folded is the trimmed
  // value folded.
  std::string_view folded = text.Phrase(0, text.size() - 1);
  if (!IsIcd10Title(folded)) return;
  out->push_back({whole.start, whole.end, "icd10_title", "diagnosis",
                  std::string(folded), kTitleConfidence,
                  "whole value is an icd-10 title"});
}

}  // namespace breachscope::medical
