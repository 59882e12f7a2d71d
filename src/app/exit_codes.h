// Process exit codes of the breachscope command, documented in README.md and
// in `breachscope --help`. Scripts rely on them: never renumber.
#ifndef BREACHSCOPE_APP_EXIT_CODES_H_
#define BREACHSCOPE_APP_EXIT_CODES_H_

namespace breachscope {

enum ExitCode : int {
  kExitOk = 0,           // done; unreadable items, if any, are in the summary
  kExitFailure = 1,      // could not do the job (case unusable, I/O error)
  kExitUsage = 2,        // bad command line
  kExitItemErrors = 3,   // scan --strict: some items could not be read
  kExitMissingRoot = 4,  // scan: a root does not exist (the others were read)
  kExitKey = 5,          // the case key is missing or does not open the case
  kExitTampered = 6,     // audit verify: the audit log was altered
  kExitInterrupted = 130,  // stopped by a signal; run the scan again to resume
};

inline constexpr const char* kExitCodesHelp =
    "Exit codes: 0 done (unreadable items are listed in the summary); "
    "1 failure; 2 usage error; 3 scan --strict and some items could not be "
    "read; 4 a scan root does not exist; 5 case key missing or wrong; "
    "6 audit log altered (audit verify); "
    "130 interrupted (run again to resume).";

}  // namespace breachscope

#endif  // BREACHSCOPE_APP_EXIT_CODES_H_
