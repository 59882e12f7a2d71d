// AuditLog: the case's append-only, hash-chained record of who did what.
//
// `audit.log` in the case folder, one JSON object a line:
//   {"seq":3,"time":"2026-11-28T17:40:02Z","user":"ana","action":"export",
//    "detail":"findings jsonl to out.jsonl","counts":{"findings":120},
//    "prev":"<64 hex>","mac":"<64 hex>"}
// `mac` is BLAKE2b-256 keyed with the case key's audit subkey over the
// previous entry's mac, a newline, and this line up to `,"mac":`. So no
// entry can be edited, inserted, removed or reordered without the key, and
// the first entry's prev (64 zeros) pins the start. The last (seq, mac) is
// also kept in the case database (meta 'audit_head'): cutting entries off
// the end, or deleting the file, no longer matches it. Entries after the
// head with valid macs are accepted (a process stopped between the two
// writes); entries are never about PHI: counts and non-PHI details only.
//
// Replaying an older copy of both the log and the database together is not
// detectable from inside the case; keep `audit verify` output elsewhere if
// that matters.
//
// Threading: appends from several processes are serialised by an exclusive
// lock on the file.
#ifndef BREACHSCOPE_STORE_AUDIT_LOG_H_
#define BREACHSCOPE_STORE_AUDIT_LOG_H_

#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"
#include "store/case_key.h"

namespace breachscope {

inline constexpr char kAuditLogName[] = "audit.log";

struct AuditEvent {
  std::string action;  // init, scan, export, reveal, resolve, report, rekey, ...
  std::string detail;  // non-PHI words: what, format, destination
  std::map<std::string, uint64_t> counts;  // findings, items, individuals, ...
};

// Appends `event` (time and user filled in) and moves the chain head.
Status AppendAudit(const std::string& case_dir, const CaseKey& key,
                   const AuditEvent& event);

struct AuditCheck {
  uint64_t entries = 0;  // entries read and verified
  std::string last_time;
};

// Verifies the whole chain against `key` and the head in the database.
// kCorrupt naming the first bad line (edited, inserted, removed,
// reordered, truncated, head missing); OK with the counts otherwise.
Result<AuditCheck> VerifyAudit(const std::string& case_dir, const CaseKey& key);

// Re-chains the log under `new_key` (case rekey): same entries, new macs.
// Writes a new file and renames it over the old one; moves the head.
Status RechainAudit(const std::string& case_dir, const CaseKey& old_key,
                    const CaseKey& new_key);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_AUDIT_LOG_H_
