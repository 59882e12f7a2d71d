// Writing the notification bundle.
#include "report/notice/report_bundle.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/owner_only_file.h"
#include "report/html/html_summary.h"
#include "report/notice/letter.h"
#include "report/notice/notification_list.h"
#include "report/notice/pdf_writer.h"
#include "report/notice/regulator_report.h"

namespace breachscope {
namespace {

Status MakePrivateDir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir + ": " + ec.message());
  if (chmod(dir.c_str(), 0700) != 0) return IoError("cannot restrict " + dir + ": " + std::strerror(errno));
  return Status::Ok();
}

void WriteLetterPages(const Letter& letter, PdfWriter* pdf) {
  for (const LetterBlock& b : letter.blocks) {
    switch (b.kind) {
      case LetterBlock::kAddress: pdf->Paragraph(b.text); pdf->Space(12); break;
      case LetterBlock::kSubject: pdf->Paragraph(b.text, PdfStyle::kTitle); break;
      case LetterBlock::kHeading: pdf->Space(4); pdf->Paragraph(b.text, PdfStyle::kHeading); break;
      case LetterBlock::kBody: pdf->Paragraph(b.text); break;
    }
  }
}

Status WriteLetters(const ReportModel& model, const std::string& case_dir, const std::string& dir,
                    BundleResult* result) {
  BS_RETURN_IF_ERROR(MakePrivateDir(dir));
  std::map<std::string, LetterTemplate> templates;
  for (const char* language : {"en", "fr"}) {
    Result<LetterTemplate> t = LoadLetterTemplate(case_dir, language);
    if (!t.ok()) return t.status();
    templates[language] = std::move(t).value();
  }
  PdfWriter all(dir + "/all_letters.pdf");
  BS_RETURN_IF_ERROR(all.status());
  for (const AffectedPerson& person : model.people) {
    Result<Letter> letter = RenderLetter(model, person, templates.at(person.language));
    if (!letter.ok()) return letter.status();
    result->missing.insert(letter.value().missing.begin(), letter.value().missing.end());
    PdfWriter one(dir + "/letter_" + person.id + ".pdf");
    BS_RETURN_IF_ERROR(one.status());
    WriteLetterPages(letter.value(), &one);
    BS_RETURN_IF_ERROR(one.Close());
    all.NewPage();
    WriteLetterPages(letter.value(), &all);
    ++result->letters;
  }
  result->letter_pages = static_cast<uint64_t>(model.people.empty() ? 0 : all.pages());
  return all.Close();
}

// A breach record or internal report: JSON and text, missing facts noted.
Status WriteElementsDocument(const ReportModel& model, const Regime& regime, const std::string& title,
                             const std::vector<std::string>& elements, const std::string& base,
                             BundleResult* result) {
  if (elements.empty()) return Status::Ok();
  BS_RETURN_IF_ERROR(WriteOwnerOnly(base + ".json", ElementsDocumentJson(model, regime, title, elements)));
  BS_RETURN_IF_ERROR(WriteOwnerOnly(base + ".txt", ElementsDocumentText(model, regime, title, elements)));
  for (const ReportItem& item : FillElements(model, elements)) {
    if (item.missing) result->missing.insert(model.book->elements.at(item.element).from);
  }
  return Status::Ok();
}

Status WriteRegulatorReports(const ReportModel& model, const std::string& dir, BundleResult* result) {
  BS_RETURN_IF_ERROR(MakePrivateDir(dir));
  for (const Regime* regime : model.regimes) {
    BS_RETURN_IF_ERROR(WriteOwnerOnly(dir + "/" + regime->id + ".json", RegulatorReportJson(model, *regime)));
    PdfWriter pdf(dir + "/" + regime->id + ".pdf");
    BS_RETURN_IF_ERROR(pdf.status());
    WriteRegulatorReportPdf(model, *regime, &pdf);
    BS_RETURN_IF_ERROR(pdf.Close());
    for (const ReportItem& item : RegulatorReportItems(model, *regime)) {
      if (item.missing) result->missing.insert(model.book->elements.at(item.element).from);
    }
    ++result->regulator_reports;
    BS_RETURN_IF_ERROR(WriteElementsDocument(model, *regime, "Breach record", regime->record_elements,
                                             dir + "/" + regime->id + "_breach_record", result));
    BS_RETURN_IF_ERROR(WriteElementsDocument(model, *regime, "Internal report", regime->internal_elements,
                                             dir + "/" + regime->id + "_internal_report", result));
  }
  return Status::Ok();
}

std::string MissingText(const std::set<std::string>& missing) {
  std::string text =
      "Facts the letters or regulator reports still lack. Add them to case.toml and run "
      "`breachscope report` again:\n";
  for (const std::string& key : missing) text += "  " + key + "\n";
  return text;
}

}  // namespace

Result<BundleResult> WriteReportBundle(const ReportModel& model, const std::string& case_dir,
                                       const std::string& out_dir) {
  BundleResult result;
  BS_RETURN_IF_ERROR(MakePrivateDir(out_dir));
  BS_RETURN_IF_ERROR(WriteOwnerOnly(out_dir + "/notification_list.csv", MailingListCsv(model)));
  BS_RETURN_IF_ERROR(WriteOwnerOnly(out_dir + "/no_address.csv", NoAddressCsv(model)));
  BS_RETURN_IF_ERROR(WriteOwnerOnly(out_dir + "/substitute_notice.txt", SubstituteNoticeText(model)));
  BS_RETURN_IF_ERROR(WriteOwnerOnly(out_dir + "/deadlines.txt", RenderDeadlinesText(model.deadlines, model.generated_on)));
  BS_RETURN_IF_ERROR(WriteOwnerOnly(out_dir + "/deadlines.json", RenderDeadlinesJson(model.deadlines, model.generated_on)));
  BS_RETURN_IF_ERROR(WriteOwnerOnly(out_dir + "/summary.html", RenderHtmlSummary(model)));
  for (const AffectedPerson& p : model.people) (p.mailing ? result.mailable : result.without_address)++;
  BS_RETURN_IF_ERROR(WriteLetters(model, case_dir, out_dir + "/letters", &result));
  BS_RETURN_IF_ERROR(WriteRegulatorReports(model, out_dir + "/regulators", &result));
  const std::string missing_path = out_dir + "/MISSING.txt";
  if (!result.missing.empty()) {
    BS_RETURN_IF_ERROR(WriteOwnerOnly(missing_path, MissingText(result.missing)));
  } else {
    std::filesystem::remove(missing_path);
  }
  return result;
}

}  // namespace breachscope
