#include "store/string_id_cache.h"

#include <cstring>

namespace breachscope::sqlite {
namespace {

constexpr size_t kInitialSlots = 1024;
constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;

uint64_t Step(uint64_t h, uint64_t word) {
  h = (h ^ word) * kMul;
  return h ^ (h >> 32);
}

// MurmurHash3's finaliser: every input bit reaches the low bits, which
// pick the slot.
uint64_t Finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

}  // namespace

StringIdCache::StringIdCache() : slots_(kInitialSlots) {}

uint64_t StringIdCache::Hash(std::string_view text) {
  uint64_t h = kMul ^ text.size();
  const char* p = text.data();
  size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    h = Step(h, word);
  }
  if (n > 0) {
    uint64_t word = 0;
    std::memcpy(&word, p, n);
    h = Step(h, word);
  }
  return Finish(h);
}

int64_t StringIdCache::Find(std::string_view text) const {
  const uint64_t hash = Hash(text);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == 0) return 0;
    if (slot.hash == hash && slot.size == text.size() &&
        std::memcmp(arena_.data() + slot.offset, text.data(), text.size()) == 0) {
      return slot.id;
    }
  }
}

void StringIdCache::Add(std::string_view text, int64_t id) {
  if (id <= 0 || text.size() > kMaxArenaBytes) return;
  if (used_ >= kMaxEntries || arena_.size() + text.size() > kMaxArenaBytes) {
    Clear();  // crude, but keeps the common case fast and the worst bounded
  }
  if (2 * (used_ + 1) > slots_.size()) Grow();
  const uint64_t hash = Hash(text);
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].id != 0) i = (i + 1) & mask;
  slots_[i] = Slot{hash, id, static_cast<uint32_t>(arena_.size()),
                   static_cast<uint32_t>(text.size())};
  arena_.append(text);
  ++used_;
}

void StringIdCache::Clear() {
  slots_.assign(kInitialSlots, Slot());
  arena_.clear();
  used_ = 0;
}

void StringIdCache::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == 0) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].id != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace breachscope::sqlite
