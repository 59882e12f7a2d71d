// StringIdCache: text -> id, the in-memory side of StringIds.
//
// The single store writer asks for the ids of six strings per finding
// (category, detector, explanation, label, path, table), millions of times
// per scan, nearly always for one of a few hundred strings already seen.
// An open-addressing table of (hash, id, place of the text in one arena):
// a look-up hashes the text once (8 bytes at a time), probes a flat array
// and compares the text at the one slot whose hash matches; no node or
// string allocation per entry. It replaced a std::unordered_map behind a
// per-column list of the 16 last strings, whose linear compares and
// misses (tables with more than 16 labelled columns, field paths of equal
// length) were about a tenth of the writer's CPU on a dense share.
//
// Bounded: past kMaxEntries strings or kMaxArenaBytes of text it drops
// everything and starts again (a share can yield unbounded distinct paths).
// Threading: one thread at a time. Internal to src/store.
#ifndef BREACHSCOPE_STORE_STRING_ID_CACHE_H_
#define BREACHSCOPE_STORE_STRING_ID_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace breachscope::sqlite {

class StringIdCache {
 public:
  static constexpr size_t kMaxEntries = 1 << 16;
  static constexpr size_t kMaxArenaBytes = 16 << 20;

  StringIdCache();

  // The id stored for `text`, or 0 when there is none. Ids are > 0.
  int64_t Find(std::string_view text) const;
  // Remembers `id` (> 0) for `text`, which Find does not know.
  void Add(std::string_view text, int64_t id);
  void Clear();
  size_t size() const { return used_; }

  // The table's hash: stable within a process only.
  static uint64_t Hash(std::string_view text);

 private:
  struct Slot {
    uint64_t hash = 0;
    int64_t id = 0;  // 0: empty slot
    uint32_t offset = 0;
    uint32_t size = 0;
  };
  void Grow();

  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::string arena_;        // the texts, back to back
  size_t used_ = 0;
};

}  // namespace breachscope::sqlite

#endif  // BREACHSCOPE_STORE_STRING_ID_CACHE_H_
