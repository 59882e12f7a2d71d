#include "detect/medical/history_analyzer.h"

#include <algorithm>
#include <array>

#include "detect/medical/analyzer_util.h"
#include "detect/medical/folded_text.h"
#include "detect/medical/labels.h"

namespace breachscope::medical {
namespace {

constexpr double kSectionConfidence = 0.75;
constexpr size_t kMaxHeading = 48;

// Folded headings; the whole text before the ':' must be one of them, so
// "Order history:" or "History of payments" do not open a section.
constexpr std::string_view kHeadings[] = {
    "history", "hpi", "pmh", "psh", "fhx", "shx", "medical history",
    "past medical history", "past history", "past surgical history",
    "surgical history", "family history", "social history",
    "history of present illness", "history of presenting illness",
    "clinical history", "clinical notes", "progress note", "progress notes",
    "antecedents", "antecedents medicaux", "antecedents familiaux",
    "antecedents personnels", "antecedents chirurgicaux",
    "histoire de la maladie", "histoire de la maladie actuelle",
    "histoire medicale", "anamnese"};

constexpr std::string_view kLabelWords[] = {"note", "history", "hpi", "pmh", "narrative",
                               "antecedent", "anamnes", "histoire"};

// Words that make a longer "... history" or "history of ..." heading a
// clinical one: "Medical and surgical history", "History of surgery or
// other", but not "Order history" or "History of payments".
constexpr std::string_view kClinicalWords[] = {
    "medical", "surgical", "surgery", "surgeries", "operation", "operations",
    "illness", "illnesses", "disease", "diseases", "hospitalization",
    "hospitalizations", "hospitalisation", "hospitalisations", "clinical",
    "family", "social", "obstetric", "obstetrical", "psychiatric",
    "injury", "injuries", "procedures", "health", "past"};

bool HasClinicalWord(std::string_view folded) {
  size_t pos = 0;
  while (pos <= folded.size()) {
    size_t end = std::min(folded.find(' ', pos), folded.size());
    std::string_view word = folded.substr(pos, end - pos);
    for (std::string_view w : kClinicalWords) {
      if (word == w) return true;
    }
    pos = end + 1;
  }
  return false;
}

// The folded heading when `folded` is one: a listed heading, "history of"
// or "... history" with a clinical word, or any "antecedents ..." heading
// ("Antécédents médicaux et chirurgicaux"). Empty otherwise.
std::string_view KnownHeading(std::string_view folded) {
  for (std::string_view h : kHeadings) {
    if (folded == h) return h;
  }
  constexpr std::string_view kOf = "history of ", kEnd = " history",
                             kFr = "antecedents ";
  bool history = folded.starts_with(kOf) || folded.ends_with(kEnd);
  if (history && HasClinicalWord(folded)) return folded;
  if (folded.starts_with(kFr)) return folded;
  return {};
}

// Words or word parts one of which every heading KnownHeading knows holds.
constexpr std::string_view kHeadingParts[] = {
    "hist", "hpi", "pmh", "psh", "fhx", "shx", "note", "antecedent",
    "anamnes"};

// Per byte: whether some kHeadingParts entry starts with it, in either
// case.
constexpr auto kPartStarts = [] {
  std::array<bool, 256> starts{};
  for (std::string_view part : kHeadingParts) {
    const auto c = static_cast<unsigned char>(part[0]);
    starts[c] = true;
    starts[c - 'a' + 'A'] = true;
  }
  return starts;
}();

// Per pair of lower-case letters, (first - 'a') * 26 + second - 'a':
// whether some kHeadingParts entry starts with them ("hi", "an", ...).
// Every part has at least three letters.
constexpr auto kPartPairs = [] {
  std::array<bool, 26 * 26> pairs{};
  for (std::string_view part : kHeadingParts) {
    pairs[(part[0] - 'a') * 26 + (part[1] - 'a')] = true;
  }
  return pairs;
}();

// True when `raw` starts with `part` (lower-case ASCII letters) in any
// case: c | 0x20 is a lower-case letter only for that letter in either
// case.
bool StartsWithAnyCase(std::string_view raw, std::string_view part) {
  if (raw.size() < part.size()) return false;
  for (size_t k = 0; k < part.size(); ++k) {
    if ((raw[k] | 0x20) != part[k]) return false;
  }
  return true;
}

// False when the raw text of a line's heading cannot fold to a heading
// KnownHeading knows: ASCII text folds only by case (a folded word is a
// run of letters and digits as written), so such a heading holds one of
// kHeadingParts in some case. Most lines of code and logs end here, before
// the text is folded into a new string. Text with other bytes is folded.
// One pass, the parts compared in place only where their first two
// letters stand: searching a lower-cased copy for each part in turn (a
// memchr and memcmp calls per part) was most of this analyzer's time on
// source code, and comparing every part where its first letter stands
// (a, h, n, p, s, f: a letter in four of code) still half of it.
bool MayBeHeading(std::string_view raw) {
  if (raw.size() > kMaxHeading) return true;
  for (size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c >= 0x80) return true;
    if (!kPartStarts[c] || i + 1 == raw.size()) continue;
    // A byte >= 0x80 here is caught as raw[i + 1] next.
    const unsigned next = static_cast<unsigned char>(raw[i + 1]) | 0x20u;
    if (next < 'a' || next > 'z' ||
        !kPartPairs[((c | 0x20u) - 'a') * 26 + (next - 'a')]) {
      continue;
    }
    for (std::string_view part : kHeadingParts) {
      if (StartsWithAnyCase(raw.substr(i), part)) return true;
    }
  }
  return false;
}

// True for a line that opens with its own label, "Next of kin: ..." or
// "Plan:": one to four words and a ':'. Such a line ends a section.
bool IsLabelLine(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 32) return false;
  if (!((line[0] | 0x20) >= 'a' && (line[0] | 0x20) <= 'z')) return false;
  int spaces = 0;
  for (size_t i = 0; i < colon; ++i) spaces += line[i] == ' ';
  return spaces <= 3;
}

size_t LineEnd(std::string_view text, size_t pos) {
  size_t end = text.find('\n', pos);
  return end == std::string_view::npos ? text.size() : end;
}

// End of the section that starts at pos: the first blank line. With
// `stop_at_label` (the heading line holds content, as a form's field does)
// also the end of the line before one that opens with its own label (the
// form's next field, the note's next heading); a heading alone on its line
// may head labelled lines of its own ("Diabetes: on metformin").
size_t ParagraphEnd(std::string_view text, size_t pos, bool stop_at_label) {
  size_t at = pos;
  while (true) {
    size_t end = LineEnd(text, at);
    if (end == text.size()) return end;
    size_t next = end + 1;
    size_t blank = next;
    while (blank < text.size() && (text[blank] == ' ' || text[blank] == '\t' ||
                                   text[blank] == '\r')) {
      ++blank;
    }
    if (blank >= text.size() || text[blank] == '\n') return end;
    if (stop_at_label &&
        IsLabelLine(text.substr(blank, LineEnd(text, blank) - blank))) {
      return end;
    }
    at = next;
  }
}

// Where the heading text of a line stops: at its ':' or " -" (*marked), or
// at the line end for a bare heading line. Only the first kMaxHeading + 2
// bytes are searched: a mark that starts within kMaxHeading lies there, and
// one that does not makes the heading too long wherever it is, so the
// answer past kMaxHeading may be any value past it (the line's size). A
// long line of code or log was searched to its end twice. One plain pass:
// find(" -") called memchr again at every space of an indented line.
size_t HeadingEnd(std::string_view line, bool* marked) {
  const std::string_view head = line.substr(0, kMaxHeading + 2);
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == ':' ||
        (head[i] == ' ' && i + 1 < head.size() && head[i + 1] == '-')) {
      *marked = true;
      return i;
    }
  }
  *marked = false;
  return line.size();
}

// Proposes a section for the line starting at `start`, if it is a heading.
// Returns where scanning continues.
size_t TrySection(std::string_view text, size_t start,
                  std::vector<ProposedFinding>* out) {
  size_t end = LineEnd(text, start);
  std::string_view line = text.substr(start, end - start);
  bool marked = false;
  size_t heading_end = HeadingEnd(line, &marked);
  if (heading_end > kMaxHeading) return end;
  if (!MayBeHeading(line.substr(0, heading_end))) return end;
  std::string folded = FoldPhrase(line.substr(0, heading_end));
  std::string heading(KnownHeading(folded));
  bool multiword = heading.find(' ') != std::string::npos;
  if (heading.empty() || (!marked && !multiword)) return end;
  std::string_view rest = line.substr(std::min(line.size(), heading_end + 1));
  size_t close = ParagraphEnd(text, start, Trimmed(rest).end > 0);
  size_t body_start = start + heading_end + (marked ? 1 : 0);
  std::string_view body = text.substr(
      body_start, close > body_start ? close - body_start : 0);
  Span content = Trimmed(body);
  if (content.end - content.start < 3) return end;
  Span whole = Trimmed(text.substr(start, close - start));
  out->push_back({static_cast<uint32_t>(start + whole.start),
                  static_cast<uint32_t>(start + whole.end), "history_section",
                  "medical_history", heading, kSectionConfidence,
                  "clinical history heading"});
  return close;
}

// Asked once per distinct label.
bool IsNotesLabel(const TextUnit& unit, UnitView& view) {
  if (unit.label.empty()) return false;
  static constexpr std::string_view kFields[] = {"NTE-3"};
  return view.LabelAnswer(UnitCache::kNotesLabel, [&] {
           return LabelMatch(unit.label, view.NormalizedLabel(), kFields,
                             kLabelWords);
         }) > 0;
}

}  // namespace

std::unique_ptr<AnalyzerScratch> MedicalHistoryAnalyzer::NewScratch() const {
  return std::make_unique<AnalyzerScratch>();
}

std::vector<DetectorInfo> MedicalHistoryAnalyzer::Describe() const {
  return {{"history_section", "medical_history",
           "Clinical history sections: PMH, HPI, family/social history"},
};
}

void MedicalHistoryAnalyzer::Analyze(const TextUnit& unit,
                                     std::span<const PriorFinding> prior,
                                     AnalyzerScratch* scratch,
                                     std::vector<ProposedFinding>* out) const {
  (void)prior;
  UnitView view(unit, scratch);
  if (!view.HasLetter()) return;  // no heading
  // A notes field as a whole is the field analyzer's (history_field);
  // sections inside it would repeat that finding.
  if (IsNotesLabel(unit, view)) return;
  size_t pos = 0;
  while (pos < unit.text.size()) {
    size_t start = pos;
    while (start < unit.text.size() &&
           (unit.text[start] == ' ' || unit.text[start] == '\t' ||
            unit.text[start] == '\r' || unit.text[start] == '\n')) {
      ++start;
    }
    if (start >= unit.text.size()) break;
    pos = TrySection(unit.text, start, out) + 1;
  }
}

}  // namespace breachscope::medical
