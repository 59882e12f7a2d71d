// Opening a case's individuals (person-records, individuals, review queue
// and decisions) for the resolve, review and export-individuals commands.
#ifndef BREACHSCOPE_APP_INDIVIDUALS_ACCESS_H_
#define BREACHSCOPE_APP_INDIVIDUALS_ACCESS_H_

#include <memory>
#include <string>

#include "app/export_output.h"
#include "store/individuals_store.h"

namespace breachscope {

// Returns nullptr and prints the reason when the case cannot be opened.
// The sealer is the case's, as for the finding store.
std::unique_ptr<IndividualsStore> OpenCaseIndividuals(const std::string& case_dir);

// Returns kExitKey when the case key is missing or wrong, else kExitFailure.
int CaseOpenExitCode(const std::string& case_dir);

// `breachscope export individuals`: writes every individual as jsonl or
// csv through ExportOutput (file 0600, sealed for a recipient, or masked on
// a terminal; recorded in the audit log). Returns the process exit code.
int RunExportIndividuals(const std::string& case_dir, const std::string& format,
                         const ExportOutputOptions& output);

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_INDIVIDUALS_ACCESS_H_
