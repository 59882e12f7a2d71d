// CaseStore: the case, as the rest of the code sees it.
//
// One interface, several back ends: SQLite in the case folder now,
// PostgreSQL later. No SQL outside src/store. Every PHI value (finding value
// and normalised value) goes through the Sealer before it is written.
//
// Resumability contract: a scan records each top-level source with
// BeginSource, its items with AddItem, then FinishSource. Rows of a source
// that was begun but never finished are removed by PurgeUnfinishedSources()
// (called when a scan starts), so a resumed scan redoes exactly those sources
// and the result equals an uninterrupted scan. A source finished earlier with
// the same name, size and mtime is skipped (IsSourceDone).
//
// Threading: a CaseStore is used by one thread at a time (the scan's single
// writer thread). Writes are batched in transactions; Flush() commits.
#ifndef BREACHSCOPE_STORE_CASE_STORE_H_
#define BREACHSCOPE_STORE_CASE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/finding.h"
#include "common/status.h"
#include "store/sealed_finding.h"
#include "store/sealer.h"

namespace breachscope {

struct SourceKey {
  std::string name;  // relative to the scan root ("clinic/labs.zip")
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

enum class ItemStatus { kScanned, kError, kSkipped };
std::string_view ItemStatusName(ItemStatus status);  // "scanned", "error", "skipped"

struct ItemRecord {
  std::string name;    // "clinic/labs.zip!2024/results.csv"
  std::string source;  // top-level source name ("clinic/labs.zip")
  std::string format;  // FormatName(), or "" when unknown (error before sniff)
  ItemStatus status = ItemStatus::kScanned;
  std::string error_code;     // kError/kSkipped: StatusCodeName or "symlink", "special"
  std::string error_message;  // kError/kSkipped: human reason
  uint64_t bytes = 0;         // content bytes read (decompressed)
  uint64_t units = 0;         // text units extracted
  uint64_t warnings = 0;      // non-fatal irregularities
  int depth = 0;              // archive nesting: 0 for a file on disk
  uint64_t ocr_pages = 0;     // pages (scans, faxes, textless PDF pages) read by OCR
};

// A finding as read back from the store, unsealed.
struct StoredFinding {
  std::string source;  // item name ("a.zip!b/c.csv")
  int64_t seq = 0;     // order of the finding inside its item
  Finding finding;
  std::string location_text;  // always finding.location.ToString()
};

struct ScanTotals {
  uint64_t sources = 0;  // top-level sources scanned in this run
  uint64_t skipped_done = 0;  // sources skipped because already done
  uint64_t bytes = 0;
  double seconds = 0;
};

struct CaseSummary {
  uint64_t scans = 0;
  uint64_t sources = 0;           // finished top-level sources
  uint64_t items = 0;             // all items, members included
  uint64_t items_scanned = 0;
  uint64_t items_error = 0;
  uint64_t items_skipped = 0;
  uint64_t bytes = 0;             // content bytes of scanned items
  uint64_t findings = 0;
  uint64_t items_with_findings = 0;
  uint64_t ocr_pages = 0;         // pages read by OCR in scanned items
  std::map<std::string, uint64_t> items_by_format;     // scanned items per format
  std::map<std::string, uint64_t> bytes_by_format;
  std::map<std::string, uint64_t> errors_by_reason;    // error_code -> count
  std::map<std::string, uint64_t> skipped_by_reason;
  std::map<std::string, uint64_t> findings_by_category;
  std::map<std::string, uint64_t> items_by_category;   // items with >=1 finding of category
};

// One error item for listings.
struct ErrorItem {
  std::string name;
  std::string code;
  std::string message;
};

class CaseStore {
 public:
  virtual ~CaseStore() = default;

  virtual Result<int64_t> BeginScan(const std::vector<std::string>& roots,
                                    int threads) = 0;
  virtual Status EndScan(int64_t scan_id, const ScanTotals& totals) = 0;

  // Deletes items and findings of sources begun but not finished.
  virtual Status PurgeUnfinishedSources() = 0;
  virtual Result<bool> IsSourceDone(const SourceKey& key) = 0;
  // Starts (or restarts) a source: removes any earlier rows of that name.
  virtual Status BeginSource(const SourceKey& key) = 0;
  // Seals the PHI of `findings` for AddSealedItem/AddSealedItemPart.
  // Thread-safe, unlike the rest of the store: scan workers call it at
  // once, while the writer thread writes, so sealing does not queue up on
  // the single writer. It only uses the Sealer, whose keys stay inside.
  virtual SealedFindings SealFindings(
      const std::vector<Finding>& findings) const = 0;
  // Records one item and its findings, in order (seq = index in `findings`),
  // `sealed` being SealFindings(findings).
  virtual Status AddSealedItem(const ItemRecord& item,
                               const std::vector<Finding>& findings,
                               const SealedFindings& sealed) = 0;
  // Records one item whose findings come in parts (a huge item, written
  // while it is read): `seqs[i]` is the seq of `findings[i]`. The first part
  // creates the item row; the part with `last` set updates its record
  // (units, warnings, status). Parts of several items may interleave (one
  // per scan worker). A source killed part way is purged as usual.
  virtual Status AddSealedItemPart(const ItemRecord& item,
                                   const std::vector<Finding>& findings,
                                   const SealedFindings& sealed,
                                   const std::vector<int64_t>& seqs,
                                   bool last) = 0;
  // The same, sealing on the calling thread.
  Status AddItem(const ItemRecord& item, const std::vector<Finding>& findings) {
    return AddSealedItem(item, findings, SealFindings(findings));
  }
  Status AddItemPart(const ItemRecord& item,
                     const std::vector<Finding>& findings,
                     const std::vector<int64_t>& seqs, bool last) {
    return AddSealedItemPart(item, findings, SealFindings(findings), seqs,
                             last);
  }
  // Marks the source done. Durable after the next Flush().
  virtual Status FinishSource(const SourceKey& key) = 0;
  // Commits the open batch.
  virtual Status Flush() = 0;

  virtual Result<CaseSummary> Summary() = 0;
  virtual Result<std::vector<ErrorItem>> ErrorItems(size_t limit) = 0;
  // Visits every finding ordered by (item name, seq): the same order whatever
  // the thread count of the scans that wrote them.
  // Record links (common/record_link.h) are stored like findings but are
  // none: ForEachFinding and Summary leave them out.
  virtual Status ForEachFinding(
      const std::function<void(const StoredFinding&)>& visit) = 0;
  // ForEachFinding with the record links in their places: for subjects.
  virtual Status ForEachRecordFinding(
      const std::function<void(const StoredFinding&)>& visit) = 0;

  // The end of a scan (app/learned_shape_step.h): visits, like
  // ForEachFinding, the findings of `categories` only, identifier
  // candidates (common/id_candidate.h) too when named.
  virtual Status ForEachFindingOf(
      const std::vector<std::string>& categories,
      const std::function<void(const StoredFinding&)>& visit) = 0;
  // Replaces every finding of `detector` in the case by `findings` (each
  // with its item name and seq), and commits.
  virtual Status ReplaceDetectorFindings(
      std::string_view detector, const std::vector<StoredFinding>& findings) = 0;
};

// Opens, creating if absent, the SQLite case database `case.db` in
// `case_dir` (created too). Fails if the case was sealed with another scheme.
Result<std::unique_ptr<CaseStore>> OpenSqliteCaseStore(
    const std::string& case_dir, std::unique_ptr<Sealer> sealer);

}  // namespace breachscope

#endif  // BREACHSCOPE_STORE_CASE_STORE_H_
