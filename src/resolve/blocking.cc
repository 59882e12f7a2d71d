#include "resolve/blocking.h"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include "resolve/nicknames.h"

namespace breachscope {
namespace {

// Key kinds keep "dob 1978-12-11 + SNATH" apart from an e-mail that happens
// to spell the same bytes.
enum KeyKind : char {
  kHealthNumber = 'h',
  kDobFamily = 'f',
  kDobGiven = 'g',
  kEmail = 'e',
  kPhone = 'p',
  kPostalFamily = 'z',
  kRecordNumber = 'r',
  kNames = 'n',
  kDobPostal = 'd',
  kDobInitials = 'i',
  kDobInitial = 'j',
};

uint64_t HashKey(KeyKind kind, std::string_view a, std::string_view b = {}) {
  std::string key;
  key.reserve(a.size() + b.size() + 2);
  key.push_back(kind);
  key.append(a);
  key.push_back('|');
  key.append(b);
  // libstdc++'s string hash is a fixed-seed murmur: stable across runs.
  // The low bit marks the one-initial keys (PartialNameBlock).
  uint64_t hash = std::hash<std::string>{}(key) & ~uint64_t{1};
  return hash | (kind == kDobInitial ? 1 : 0);
}

bool PartialNameKey(uint64_t key) { return key & 1; }

// A record whose first name lacks its given or its family part.
bool LacksNamePart(const PreparedRecord& r) {
  return r.names.empty() || r.names[0].given.empty() || r.names[0].family.empty();
}

std::string DobText(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

void NameKeys(const PreparedRecord& r, std::vector<uint64_t>* keys) {
  for (const PreparedName& n : r.names) {
    if (!n.given_code.empty() && !n.family_code.empty()) {
      // Unordered, so "Shaw Daniella" meets "Daniella Shaw".
      bool ordered = n.given_code < n.family_code;
      keys->push_back(HashKey(kNames, (ordered ? n.given_code : n.family_code).view(),
                              (ordered ? n.family_code : n.given_code).view()));
    }
    for (const std::string& postal : r.postal_codes) {
      if (!n.family_code.empty()) keys->push_back(HashKey(kPostalFamily, postal, n.family_code.view()));
    }
    for (const Date& dob : r.dobs) {
      std::string date = DobText(dob);
      if (!n.family_code.empty()) keys->push_back(HashKey(kDobFamily, date, n.family_code.view()));
      // Both names mistyped ("Eliza Keany" / "Eriaz Keacny"): the initials
      // usually survive.
      if (!n.given.empty() && !n.family.empty()) {
        keys->push_back(HashKey(kDobInitials, date, std::string{n.given[0], n.family[0]}));
      }
      // One part of the name missing or misspelt beyond its phonetic code
      // ("Isaa James" / "Isaac"): the birth date and one initial.
      if (!n.given.empty()) keys->push_back(HashKey(kDobInitial, date, std::string{'g', n.given[0]}));
      if (!n.family.empty()) keys->push_back(HashKey(kDobInitial, date, std::string{'f', n.family[0]}));
      if (n.given.size() < 2) continue;  // an initial blocks too widely
      for (const std::string& root : Nicknames::Default().Roots(n.given)) {
        keys->push_back(HashKey(kDobGiven, date, root));
      }
    }
  }
}

// Name order inside an oversized block: similar names end up neighbours.
std::string SortName(const PreparedRecord& r) {
  if (r.names.empty()) return std::string();
  return std::string(r.names[0].family_code.view()) + "|" + r.names[0].given + "|" + r.names[0].family;
}

void PairBlock(const std::vector<uint32_t>& members, const std::vector<PreparedRecord>& records,
               const BlockingOptions& options, std::vector<uint64_t>* pairs) {
  auto add = [&](uint32_t a, uint32_t b) { pairs->push_back(a < b ? PackPair(a, b) : PackPair(b, a)); };
  if (members.size() <= options.max_block) {
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) add(members[i], members[j]);
    }
    return;
  }
  std::vector<std::pair<std::string, uint32_t>> sorted;
  sorted.reserve(members.size());
  for (uint32_t m : members) sorted.emplace_back(SortName(records[m]), m);
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) {
    for (size_t j = i + 1; j < sorted.size() && j <= i + options.window; ++j) {
      add(sorted[i].second, sorted[j].second);
    }
  }
}

// Pairs of a one-initial block in which one side lacks a name part.
void PairPartialBlock(const std::vector<uint32_t>& members, const std::vector<PreparedRecord>& records,
                      const BlockingOptions& options, std::vector<uint64_t>* pairs) {
  std::vector<uint32_t> partial;
  for (uint32_t m : members) {
    if (LacksNamePart(records[m])) partial.push_back(m);
  }
  if (partial.empty()) return;
  if (members.size() > options.max_block) {
    PairBlock(members, records, options, pairs);  // windowed by name
    return;
  }
  for (uint32_t p : partial) {
    for (uint32_t m : members) {
      if (m != p) pairs->push_back(p < m ? PackPair(p, m) : PackPair(m, p));
    }
  }
}

}  // namespace

std::vector<uint64_t> BlockingKeys(const PreparedRecord& r) {
  std::vector<uint64_t> keys;
  for (const PreparedId& id : r.health_numbers) keys.push_back(HashKey(kHealthNumber, id.number));
  for (uint64_t v : r.emails) keys.push_back(HashKey(kEmail, std::to_string(v)));
  // Seven digits: the local number, so a phone without its area code meets
  // the full one.
  for (uint64_t v : r.phones) keys.push_back(HashKey(kPhone, std::to_string(v % 10000000)));
  for (const std::string& v : r.record_numbers) keys.push_back(HashKey(kRecordNumber, v));
  NameKeys(r, &keys);
  // A married name at the same place: birth date with postal code.
  for (const Date& dob : r.dobs) {
    for (const std::string& postal : r.postal_codes) keys.push_back(HashKey(kDobPostal, DobText(dob), postal));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<uint64_t> BlockCandidates(const std::vector<PreparedRecord>& records,
                                      const BlockingOptions& options, BlockingStats* stats) {
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  entries.reserve(records.size() * 10);  // about nine keys a record: no regrowth at a million
  for (uint32_t i = 0; i < records.size(); ++i) {
    for (uint64_t key : BlockingKeys(records[i])) entries.emplace_back(key, i);
  }
  std::sort(entries.begin(), entries.end());
  std::vector<uint64_t> pairs;
  std::vector<uint32_t> members;
  for (size_t start = 0; start < entries.size();) {
    size_t end = start;
    members.clear();
    while (end < entries.size() && entries[end].first == entries[start].first) {
      members.push_back(entries[end++].second);
    }
    if (stats) {
      ++stats->keys;
      stats->largest_block = std::max<uint64_t>(stats->largest_block, members.size());
      if (members.size() > options.max_block) ++stats->oversized_blocks;
    }
    // A birth date and one initial pair a record missing a name part with
    // the others; records with full names already meet on both initials.
    if (members.size() > 1 && PartialNameKey(entries[start].first)) {
      PairPartialBlock(members, records, options, &pairs);
    } else if (members.size() > 1) {
      PairBlock(members, records, options, &pairs);
    }
    start = end;
  }
  std::vector<std::pair<uint64_t, uint32_t>>().swap(entries);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace breachscope
