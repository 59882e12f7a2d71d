#include "resolve/record_statistics.h"

#include <string>
#include <type_traits>
#include <unordered_map>

#include "resolve/cluster_constraints.h"
#include "resolve/comparison.h"

namespace breachscope {
namespace {

void AddNameFrequencies(std::vector<PreparedRecord>* records) {
  std::unordered_map<std::string, uint32_t> given, family;
  for (const PreparedRecord& r : *records) {
    for (const PreparedName& n : r.names) {
      if (!n.given.empty()) ++given[n.given];
      if (!n.family.empty()) ++family[n.family];
    }
  }
  double total = std::max<size_t>(records->size(), 1);
  for (PreparedRecord& r : *records) {
    for (PreparedName& n : r.names) {
      if (!n.given.empty()) n.given_frequency = static_cast<float>(given[n.given] / total);
      if (!n.family.empty()) n.family_frequency = static_cast<float>(family[n.family] / total);
    }
  }
}

// The first person seen with a contact value, and whether someone clearly
// different (a given name that is not the same, a nickname, a typo or an
// initial of it) holds it too.
struct Holder {
  uint32_t record = 0;
  bool shared = false;
};

// A different given name, or one name with birth dates no typo explains
// (a father and his namesake son using the family's landline).
bool DifferentPeople(const PreparedRecord& a, const PreparedRecord& b) {
  if (a.names.empty() || b.names.empty()) return false;
  const PreparedName& x = a.names[0];
  const PreparedName& y = b.names[0];
  // Given and family written the other way round by one side ("Thomas
  // Gabriel" / "Gabriel Thomas") are one name.
  bool swapped = !x.given.empty() && (x.given == y.family || x.family == y.given);
  if (CompareGiven(x, y) == kGivenDiffers && !swapped) return true;
  if (a.dobs.empty() || b.dobs.empty()) return false;
  for (const Date& x : a.dobs) {
    for (const Date& y : b.dobs) {
      if (DatesCompatible(x, y)) return false;
    }
  }
  return true;
}

// Marks, for one kind of contact (values_of(record) and shared_of(record)),
// the values several different people hold.
template <typename Values, typename Shared>
void MarkShared(std::vector<PreparedRecord>* records, Values values_of, Shared shared_of) {
  using Value = typename std::decay_t<decltype(values_of((*records)[0]))>::value_type;
  std::unordered_map<Value, Holder> holders;
  auto& recs = *records;
  for (uint32_t i = 0; i < recs.size(); ++i) {
    for (const Value& value : values_of(recs[i])) {
      auto [it, inserted] = holders.try_emplace(value, Holder{i, false});
      if (!inserted && !it->second.shared && DifferentPeople(recs[it->second.record], recs[i])) {
        it->second.shared = true;
      }
    }
  }
  for (PreparedRecord& r : recs) {
    const auto& values = values_of(r);
    uint8_t& shared = shared_of(r);
    shared = 0;
    for (size_t k = 0; k < values.size() && k < 8; ++k) {
      if (holders[values[k]].shared) shared |= static_cast<uint8_t>(1u << k);
    }
  }
}

// Names carried with two birth dates no typo explains belong to two people.
void MarkNamesakes(std::vector<PreparedRecord>* records) {
  struct Seen {
    Date dob;
    bool namesake = false;
  };
  std::unordered_map<std::string, Seen> seen;
  auto key = [](const PreparedName& n) { return n.given + "|" + n.family; };
  for (const PreparedRecord& r : *records) {
    for (const PreparedName& n : r.names) {
      if (n.given.size() < 2 || n.family.empty()) continue;
      for (const Date& dob : r.dobs) {
        auto [it, inserted] = seen.try_emplace(key(n), Seen{dob, false});
        if (!inserted && !DatesCompatible(it->second.dob, dob)) it->second.namesake = true;
      }
    }
  }
  for (PreparedRecord& r : *records) {
    for (PreparedName& n : r.names) {
      auto it = n.given.size() < 2 ? seen.end() : seen.find(key(n));
      n.namesake = it != seen.end() && it->second.namesake;
    }
  }
}

}  // namespace

void AddRecordStatistics(std::vector<PreparedRecord>* records) {
  AddNameFrequencies(records);
  MarkNamesakes(records);
  MarkShared(records, [](PreparedRecord& r) -> auto& { return r.phones; },
             [](PreparedRecord& r) -> auto& { return r.phone_shared; });
  MarkShared(records, [](PreparedRecord& r) -> auto& { return r.emails; },
             [](PreparedRecord& r) -> auto& { return r.email_shared; });
  MarkShared(records, [](PreparedRecord& r) -> auto& { return r.addresses; },
             [](PreparedRecord& r) -> auto& { return r.address_shared; });
}

}  // namespace breachscope
