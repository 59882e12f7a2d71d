#include "report/findings_export.h"

#include "report/csv_quote.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace breachscope {
namespace {

// Confidence with two decimals, so exports diff cleanly across runs.
double RoundedConfidence(double confidence) {
  return std::round(confidence * 100.0) / 100.0;
}

std::string ConfidenceText(double confidence) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%.2f", RoundedConfidence(confidence));
  return buffer;
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view text) {
  if (text == "jsonl") return ExportFormat::kJsonl;
  if (text == "csv") return ExportFormat::kCsv;
  return InvalidArgument("unknown export format '" + std::string(text) +
                         "' (expected jsonl or csv)");
}

std::string FindingToJsonLine(const StoredFinding& stored) {
  const Finding& f = stored.finding;
  nlohmann::ordered_json line;
  line["source"] = stored.source;
  line["location"] = stored.location_text;
  line["category"] = f.category;
  line["value"] = f.value;
  line["normalized"] = f.normalized;
  line["confidence"] = RoundedConfidence(f.confidence);
  line["detector"] = f.detector;
  line["role"] = std::string(RoleName(f.role));
  // Invalid UTF-8 from a mis-decoded source must not abort the export.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string FindingsCsvHeader() {
  return "source,location,category,value,normalized,confidence,detector,role";
}

std::string FindingToCsvRow(const StoredFinding& stored) {
  const Finding& f = stored.finding;
  std::string row;
  for (std::string_view field :
       {std::string_view(stored.source), std::string_view(stored.location_text),
        std::string_view(f.category), std::string_view(f.value),
        std::string_view(f.normalized)}) {
    row += CsvQuote(field);
    row += ',';
  }
  row += ConfidenceText(f.confidence) + ",";
  row += CsvQuote(f.detector) + "," + std::string(RoleName(f.role));
  return row;
}

Status ExportFindings(CaseStore& store, ExportFormat format, std::ostream& out,
                      uint64_t* count) {
  *count = 0;
  if (format == ExportFormat::kCsv) out << FindingsCsvHeader() << '\n';
  Status status = store.ForEachFinding([&](const StoredFinding& finding) {
    out << (format == ExportFormat::kJsonl ? FindingToJsonLine(finding)
                                           : FindingToCsvRow(finding))
        << '\n';
    ++*count;
  });
  BS_RETURN_IF_ERROR(status);
  out.flush();
  if (!out) return IoError("writing the export failed");
  return Status::Ok();
}

}  // namespace breachscope
