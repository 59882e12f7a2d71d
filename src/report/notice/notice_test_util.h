// The case behind the project, as case facts: learned of the intrusion on
// 21 February, health data confirmed taken 10 April, commissioner told
// 9 May, letters sent 31 May.
#ifndef BREACHSCOPE_REPORT_NOTICE_NOTICE_TEST_UTIL_H_
#define BREACHSCOPE_REPORT_NOTICE_NOTICE_TEST_UTIL_H_

inline constexpr const char* kSaskatchewanCaseToml = R"TOML(
[organisation]
name = "Prairie Lab Services"
contact = "Privacy Officer"
phone = "1-800-555-0100"

[incident]
discovered = 2026-02-21
contained = 2026-02-24
phi_confirmed = 2026-04-10
what_happened = "Attackers copied patient files."
what_happened_fr = "Des pirates ont copié des dossiers."

[regimes]
apply = ["sk_hipa", "pipeda"]

[done]
"sk_hipa.report_commissioner" = 2026-05-09
"sk_hipa.notify_individuals" = 2026-05-31
)TOML";

#endif  // BREACHSCOPE_REPORT_NOTICE_NOTICE_TEST_UTIL_H_
