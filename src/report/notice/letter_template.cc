// Parsing and loading letter templates.
#include <fstream>
#include <sstream>

#include "common/embedded_data.h"
#include "report/notice/letter.h"

namespace breachscope {
namespace {

const char* const kSectionKinds[] = {"header", "subject", "salutation", "element", "closing"};

bool KnownKind(std::string_view kind) {
  for (const char* k : kSectionKinds) {
    if (kind == k) return true;
  }
  return false;
}

std::string TrimTrailingNewlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// "@element what_happened: What happened" -> element id and heading.
Status ReadSectionLine(std::string_view line, int number, TemplateSection* section) {
  std::string_view rest = line.substr(1);
  size_t space = rest.find(' ');
  section->kind = std::string(rest.substr(0, space));
  if (!KnownKind(section->kind)) {
    return InvalidArgument("letter template line " + std::to_string(number) + ": unknown section @" +
                           section->kind);
  }
  if (section->kind != "element") return Status::Ok();
  std::string_view spec = space == std::string_view::npos ? "" : rest.substr(space + 1);
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return InvalidArgument("letter template line " + std::to_string(number) +
                           ": write @element <id>: <heading>");
  }
  section->element = std::string(spec.substr(0, colon));
  std::string_view heading = spec.substr(colon + 1);
  while (!heading.empty() && heading.front() == ' ') heading.remove_prefix(1);
  section->heading = std::string(heading);
  return Status::Ok();
}

}  // namespace

const TemplateSection* LetterTemplate::Element(std::string_view id) const {
  for (const TemplateSection& s : sections) {
    if (s.kind == "element" && s.element == id) return &s;
  }
  return nullptr;
}

Result<LetterTemplate> ParseLetterTemplate(std::string_view text) {
  LetterTemplate tmpl;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("#")) continue;
    if (line.starts_with("@")) {
      TemplateSection section;
      BS_RETURN_IF_ERROR(ReadSectionLine(line, number, &section));
      tmpl.sections.push_back(std::move(section));
      continue;
    }
    if (tmpl.sections.empty()) {
      if (line.empty()) continue;
      return InvalidArgument("letter template line " + std::to_string(number) +
                             ": text before the first @section");
    }
    tmpl.sections.back().body += line + "\n";
  }
  for (TemplateSection& s : tmpl.sections) s.body = TrimTrailingNewlines(s.body);
  return tmpl;
}

Result<LetterTemplate> LoadLetterTemplate(const std::string& case_dir, std::string_view language) {
  const std::string name = "letter_" + std::string(language) + ".txt";
  std::ifstream own(case_dir + "/templates/" + name);
  if (own) {
    std::stringstream buffer;
    buffer << own.rdbuf();
    Result<LetterTemplate> parsed = ParseLetterTemplate(buffer.str());
    if (!parsed.ok()) return InvalidArgument("templates/" + name + ": " + parsed.status().message());
    return parsed;
  }
  std::string_view builtin = EmbeddedData("templates/" + name);
  if (builtin.empty()) return NotFound("no letter template for language '" + std::string(language) + "'");
  return ParseLetterTemplate(builtin);
}

}  // namespace breachscope
