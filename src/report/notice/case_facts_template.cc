// The commented case.toml a privacy officer starts from.
#include "report/notice/case_facts.h"

namespace breachscope {

std::string CaseFactsTemplate() {
  return R"TOML(# breachscope case facts. Edit, then run `breachscope deadlines` and
# `breachscope report`. Dates are YYYY-MM-DD. No personal information here.

[organisation]
name = "Example Health Services Inc."
contact = "Privacy Officer, Example Health Services"
phone = "1-800-555-0100"            # toll-free number for questions
email = "privacy@example.org"
mailing_address = "100 Example Street, Regina SK S4P 0A1"
website = "https://example.org/notice"

[incident]
# Anchor dates: each regime counts its deadlines from one of them.
first_access = 2026-01-20           # first unauthorised access
discovered = 2026-02-21             # the organisation learned of the breach
contained = 2026-02-23              # the intrusion was stopped
phi_confirmed = 2026-04-10          # health information confirmed taken
# list_final = 2026-04-25           # list of affected individuals final

# What the letters and reports say. Add a French version with the same key
# ending in _fr (what_happened_fr = "...") for letters in French.
what_happened = "An unauthorised person accessed our systems and copied files."
period = "between 20 January 2026 and 23 February 2026"
containment = "We disabled the compromised accounts and isolated the affected servers."
cause = "Stolen credentials of an affiliate's server."
possible_harm = "Identity theft, fraud, embarrassment or harm to relationships."
mitigation = "We are offering two years of credit monitoring at no cost to you."
individual_steps = "Watch your accounts and health card statements; call us if anything looks wrong."
prevention = "We have reset all credentials and added multi-factor authentication."
apology = "We sincerely apologise for this breach and its impact on you."
notification_steps = "Letters by mail to every affected individual; a notice on our website."
risk_assessment = "Health and identity information of the patients: a real risk of significant harm."

[regimes]
# One or more of: sk_hipa, pipeda, on_phipa, ab_hia, qc_law25, hipaa, gdpr
apply = ["sk_hipa"]

# [done]
# "sk_hipa.report_commissioner" = 2026-05-09   # obligations already met

# [authority.gdpr]
# name = "Data Protection Commission"           # override a regulator's details
)TOML";
}

}  // namespace breachscope
