// Letters to affected individuals: a template (editable text, English and
// French) filled from the case facts and the person, carrying every content
// element that the person's regimes require.
#ifndef BREACHSCOPE_REPORT_NOTICE_LETTER_H_
#define BREACHSCOPE_REPORT_NOTICE_LETTER_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "report/notice/report_model.h"

namespace breachscope {

struct TemplateSection {
  std::string kind;     // header | subject | salutation | element | closing
  std::string element;  // element id, for kind == "element"
  std::string heading;  // element heading
  std::string body;     // text with {{placeholders}}
};

struct LetterTemplate {
  std::vector<TemplateSection> sections;
  const TemplateSection* Element(std::string_view id) const;
};

// Parses the template format of data/templates/letter_en.txt; errors name
// the line.
Result<LetterTemplate> ParseLetterTemplate(std::string_view text);
// The case's own template (<case>/templates/letter_<lang>.txt) if present,
// else the compiled-in one.
Result<LetterTemplate> LoadLetterTemplate(const std::string& case_dir, std::string_view language);

struct LetterBlock {
  enum Kind { kAddress, kSubject, kHeading, kBody } kind;
  std::string text;
};

struct Letter {
  std::vector<LetterBlock> blocks;
  std::set<std::string> elements;      // element ids included
  std::set<std::string> missing;       // placeholders with no value in required elements
};

// Every element id required by the person's regimes (letter_elements), in
// the order the template lists them; an error names a required element the
// template lacks.
Result<std::vector<std::string>> RequiredElements(const ReportModel& model, const AffectedPerson& person,
                                                  const LetterTemplate& tmpl);

// Fills the template for one person. Required elements whose facts are
// missing are listed in Letter::missing and shown as "[missing: key]".
Result<Letter> RenderLetter(const ReportModel& model, const AffectedPerson& person,
                            const LetterTemplate& tmpl);

// The letter as plain text (tests, previews).
std::string LetterText(const Letter& letter);

}  // namespace breachscope

#endif  // BREACHSCOPE_REPORT_NOTICE_LETTER_H_
