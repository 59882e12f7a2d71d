#include "resolve/clusterer.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <set>
#include <unordered_set>

#include "resolve/cluster_constraints.h"
#include "resolve/comparison.h"

namespace breachscope {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

class UnionFind {
 public:
  explicit UnionFind(const std::vector<PreparedRecord>& records)
      : parent_(records.size()), facts_(records.size()), cannot_(records.size()),
        weakest_(records.size(), kInf) {
    for (uint32_t i = 0; i < records.size(); ++i) {
      parent_[i] = i;
      facts_[i] = ClusterFacts::Of(records[i]);
    }
  }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  void AddCannotLink(uint32_t a, uint32_t b) {
    cannot_[a].push_back(b);
    cannot_[b].push_back(a);
  }

  // True when a reviewer said some record of one root's cluster and some of
  // the other's are different people.
  bool Forbidden(uint32_t ra, uint32_t rb) {
    if (cannot_[ra].size() > cannot_[rb].size()) std::swap(ra, rb);
    for (uint32_t other : cannot_[ra]) {
      if (Find(other) == rb) return true;
    }
    return false;
  }

  // A birth-date conflict gives way to a link on the same health number.
  bool Conflicts(uint32_t ra, uint32_t rb, bool same_health_number) const {
    Conflict conflict = FindConflict(facts_[ra], facts_[rb]);
    return conflict != Conflict::kNone && !(conflict == Conflict::kBirthDate && same_health_number);
  }

  // Joins two roots; the larger keeps its facts so merges stay cheap.
  void Join(uint32_t ra, uint32_t rb, double weight) {
    if (facts_[ra].dobs.size() + facts_[ra].valid_health_numbers.size() <
        facts_[rb].dobs.size() + facts_[rb].valid_health_numbers.size()) {
      std::swap(ra, rb);
    }
    parent_[rb] = ra;
    facts_[ra].Merge(std::move(facts_[rb]));
    facts_[rb] = ClusterFacts();
    cannot_[ra].insert(cannot_[ra].end(), cannot_[rb].begin(), cannot_[rb].end());
    cannot_[rb].clear();
    weakest_[ra] = std::min({weakest_[ra], weakest_[rb], weight});
  }

  double Weakest(uint32_t root) const { return weakest_[root]; }
  const ClusterFacts& Facts(uint32_t root) const { return facts_[root]; }

 private:
  std::vector<uint32_t> parent_;
  std::vector<ClusterFacts> facts_;
  std::vector<std::vector<uint32_t>> cannot_;
  std::vector<double> weakest_;
};

void SortByWeight(std::vector<ScoredPair>* pairs) {
  std::sort(pairs->begin(), pairs->end(), [](const ScoredPair& x, const ScoredPair& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
}

// Partners of an ambiguous record compared at most pairwise among this many.
constexpr size_t kMaxPartners = 16;

// Records whose strong links reach two records that conflict. Run before
// any union, on each record's own facts.
// Two records whose given names are all clearly different: two people
// (twins at one address), even when no hard constraint says so.
bool GivenNamesDiffer(const PreparedRecord& a, const PreparedRecord& b) {
  bool compared = false;
  for (const PreparedName& x : a.names) {
    for (const PreparedName& y : b.names) {
      GivenLevel level = CompareGiven(x, y);
      if (level == kGivenMissing) continue;
      if (level != kGivenDiffers) return false;
      compared = true;
    }
  }
  return compared;
}

// Every birth date of one at least two years from every one of the other.
bool YearsApart(const PreparedRecord& a, const PreparedRecord& b) {
  for (const Date& x : a.dobs) {
    for (const Date& y : b.dobs) {
      if (std::abs(x.year - y.year) < 2) return false;
    }
  }
  return true;
}

// An exactly equal birth date says which of two people a record is.
bool SameBirthDate(const PreparedRecord& a, const PreparedRecord& b) {
  for (const Date& x : a.dobs) {
    if (std::find(b.dobs.begin(), b.dobs.end(), x) != b.dobs.end()) return true;
  }
  return false;
}

// The given names agree only loosely (a nickname, an initial, a sound) or
// one is missing: "Pat" against both "Patrick" and "Patricia". An exact or
// mistyped given name says which of two people a record is.
bool LooseGivenName(const PreparedRecord& r, const PreparedRecord& other) {
  uint8_t best = kGivenMissing;
  for (const PreparedName& x : r.names) {
    for (const PreparedName& y : other.names) {
      uint8_t level = CompareGiven(x, y);
      if (level != kGivenMissing && (best == kGivenMissing || level < best)) best = level;
    }
  }
  return best != kGivenExact && best != kGivenFuzzy && best != kGivenDiffers;
}

std::vector<bool> FindAmbiguous(const std::vector<PreparedRecord>& records, const std::vector<ScoredPair>& pairs,
                                double link_threshold, UnionFind& uf) {
  size_t n = records.size();
  std::vector<std::vector<uint32_t>> partners(n);
  std::unordered_set<uint64_t> linked;  // partners linked to each other are one person
  for (const ScoredPair& p : pairs) {
    if (p.weight < link_threshold) break;
    if (!p.personal) continue;
    linked.insert(uint64_t{std::min(p.a, p.b)} << 32 | std::max(p.a, p.b));
    if (partners[p.a].size() < kMaxPartners) partners[p.a].push_back(p.b);
    if (partners[p.b].size() < kMaxPartners) partners[p.b].push_back(p.a);
  }
  // r cannot tell x from y: they are two people and r has nothing (no
  // birth date, no given name) that agrees with one and not the other.
  auto ambiguous_between = [&](uint32_t r, uint32_t x, uint32_t y) {
    Conflict conflict = FindConflict(uf.Facts(x), uf.Facts(y));
    if (conflict == Conflict::kHealthNumber || conflict == Conflict::kSuffix) return true;
    if (linked.count(uint64_t{std::min(x, y)} << 32 | std::max(x, y))) return false;
    if (conflict == Conflict::kBirthDate) {
      // Dates a few typos apart are noise; two people are years apart.
      if (!YearsApart(records[x], records[y])) return false;
      const ClusterFacts& rf = uf.Facts(r);
      return FindConflict(rf, uf.Facts(x)) == Conflict::kNone && FindConflict(rf, uf.Facts(y)) == Conflict::kNone &&
             !SameBirthDate(records[r], records[x]) && !SameBirthDate(records[r], records[y]);
    }
    return GivenNamesDiffer(records[x], records[y]) && LooseGivenName(records[r], records[x]) &&
           LooseGivenName(records[r], records[y]);
  };
  std::vector<bool> ambiguous(n, false);
  for (size_t r = 0; r < n; ++r) {
    const auto& list = partners[r];
    for (size_t i = 0; i < list.size() && !ambiguous[r]; ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        if (ambiguous_between(static_cast<uint32_t>(r), list[i], list[j])) {
          ambiguous[r] = true;
          break;
        }
      }
    }
  }
  return ambiguous;
}

}  // namespace

ClusterResult Cluster(const std::vector<PreparedRecord>& records, ClusterInput input) {
  ClusterResult result;
  UnionFind uf(records);
  for (auto [a, b] : input.must_link) {
    uint32_t ra = uf.Find(a), rb = uf.Find(b);
    if (ra != rb) uf.Join(ra, rb, kInf);
  }
  for (auto [a, b] : input.cannot_link) uf.AddCannotLink(a, b);
  SortByWeight(&input.pairs);
  std::vector<bool> ambiguous = FindAmbiguous(records, input.pairs, input.link_threshold, uf);
  for (const ScoredPair& p : input.pairs) {
    if (p.weight < input.link_threshold) break;
    if (!p.personal || ((ambiguous[p.a] || ambiguous[p.b]) && !p.same_health_number)) continue;
    uint32_t ra = uf.Find(p.a), rb = uf.Find(p.b);
    if (ra == rb) {
      ++result.linked_pairs;
    } else if (uf.Forbidden(ra, rb) || uf.Conflicts(ra, rb, p.same_health_number)) {
      ++result.blocked_merges;
    } else {
      uf.Join(ra, rb, p.weight);
      result.links.push_back(p);
      ++result.linked_pairs;
    }
  }
  std::set<std::pair<uint32_t, uint32_t>> queued;
  for (const ScoredPair& p : input.pairs) {
    if (p.weight < input.review_threshold) break;
    uint32_t ra = uf.Find(p.a), rb = uf.Find(p.b);
    if (ra == rb || uf.Forbidden(ra, rb) || uf.Conflicts(ra, rb, p.same_health_number)) continue;
    if (queued.insert({std::min(ra, rb), std::max(ra, rb)}).second) {
      result.review.push_back(p);
      result.review.back().ambiguous = ambiguous[p.a] || ambiguous[p.b];
    }
  }
  std::vector<uint32_t> id_of_root(records.size(), UINT32_MAX);
  result.individual_of.resize(records.size());
  for (uint32_t i = 0; i < records.size(); ++i) {
    uint32_t root = uf.Find(i);
    if (id_of_root[root] == UINT32_MAX) {
      id_of_root[root] = static_cast<uint32_t>(result.weakest_link.size());
      result.weakest_link.push_back(uf.Weakest(root));
    }
    result.individual_of[i] = id_of_root[root];
  }
  return result;
}

}  // namespace breachscope
