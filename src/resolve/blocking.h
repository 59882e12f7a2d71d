// Blocking: which pairs of records are worth comparing.
//
// Every record emits exact keys (normalised health number; birth date with
// the surname's phonetic code; birth date with the given name, nickname-
// folded; e-mail; phone; postal code with the surname's phonetic code;
// record number; the given and family phonetic codes, in either order;
// birth date with postal code; birth date with the two initials). A name
// alone is blocked through its phonetic codes only: pairing every "J Smith"
// with every "John Smith" costs more than it finds. Records sharing a
// key are paired. A block larger than `max_block` (a household phone, a
// common name) is not dropped: its members are sorted on their names and
// each is paired with its next `window` neighbours, so the pairs most
// likely to match survive and blocking recall stays measurable.
#ifndef BREACHSCOPE_RESOLVE_BLOCKING_H_
#define BREACHSCOPE_RESOLVE_BLOCKING_H_

#include <cstdint>
#include <vector>

#include "resolve/prepared_record.h"

namespace breachscope {

struct BlockingOptions {
  size_t max_block = 64;  // larger blocks are paired by sorted window
  size_t window = 8;      // neighbours each member of a large block meets
};

struct BlockingStats {
  uint64_t keys = 0;            // distinct keys
  uint64_t oversized_blocks = 0;
  uint64_t largest_block = 0;
};

// A candidate pair (a < b) packed as a << 32 | b.
inline uint64_t PackPair(uint32_t a, uint32_t b) { return uint64_t{a} << 32 | b; }
inline uint32_t PairFirst(uint64_t pair) { return static_cast<uint32_t>(pair >> 32); }
inline uint32_t PairSecond(uint64_t pair) { return static_cast<uint32_t>(pair); }

// Distinct candidate pairs, sorted. Deterministic.
std::vector<uint64_t> BlockCandidates(const std::vector<PreparedRecord>& records,
                                      const BlockingOptions& options, BlockingStats* stats);

// The blocking keys of one record (hashes), for tests and diagnostics.
std::vector<uint64_t> BlockingKeys(const PreparedRecord& record);

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_BLOCKING_H_
