#include "detect/medical/medical_data.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "common/embedded_data.h"

namespace breachscope::medical {
namespace {

constexpr size_t kShortAlias = 3;

std::vector<std::string_view> SplitOn(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t at = text.find(sep);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

// The first TAB-separated column of each line, as views into the embedded
// data (which lives for the whole process).
const std::unordered_set<std::string_view>* FirstColumnSet(
    std::string_view path, size_t expected) {
  auto* set = new std::unordered_set<std::string_view>();
  set->reserve(expected);
  ForEachDataLine(path, [set](std::string_view line) {
    set->insert(line.substr(0, line.find('\t')));
  });
  return set;
}

PhraseDictionary* LoadPhrases(std::string_view path) {
  auto* dictionary = new PhraseDictionary();
  ForEachDataLine(path, [dictionary](std::string_view line) {
    dictionary->Add(line);
  });
  return dictionary;
}

const std::unordered_set<int>& AmbiguousDrugKeys() {
  static const auto* const kKeys = [] {
    auto* keys = new std::unordered_set<int>();
    const PhraseDictionary& drugs = DrugDictionary();
    ForEachDataLine("medical/drug_names_ambiguous.txt",
                    [&](std::string_view line) {
                      FoldedText folded;
                      folded.Reset(line);
                      if (folded.size() == 0) return;
                      PhraseDictionary::Hit hit = drugs.LongestAt(folded, 0);
                      if (hit.tokens == folded.size()) keys->insert(hit.key);
                    });
    return keys;
  }();
  return *kKeys;
}

void AddLabLine(std::string_view line, LabCatalog* catalog) {
  std::vector<std::string_view> columns = SplitOn(line, '\t');
  if (columns.size() < 3) return;
  std::vector<std::string_view> names = SplitOn(columns[0], '|');
  int test = static_cast<int>(catalog->tests.size());
  LabTest& entry = catalog->tests.emplace_back();
  entry.name = std::string(names[0]);
  entry.loinc = std::string(columns[1]);
  for (std::string_view unit : SplitOn(columns[2], '|')) {
    if (!unit.empty()) entry.units.emplace_back(unit);
  }
  for (std::string_view name : names) {
    int key = catalog->names.Add(name);
    if (key < 0) continue;
    if (static_cast<size_t>(key) >= catalog->aliases.size()) {
      catalog->aliases.resize(key + 1);
    }
    std::string exact(name.size() <= kShortAlias ? name : std::string_view());
    catalog->aliases[key].push_back({test, std::move(exact)});
  }
}

}  // namespace

// Code -> title, as views into the embedded data.
const std::unordered_map<std::string_view, std::string_view>& Icd10Titles() {
  static const auto* const kTitles = [] {
    auto* titles = new std::unordered_map<std::string_view, std::string_view>();
    titles->reserve(100000);
    ForEachDataLine("medical/icd10cm_codes.tsv", [titles](std::string_view line) {
      size_t tab = line.find('\t');
      std::string_view title =
          tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
      titles->emplace(line.substr(0, tab), title);
    });
    return titles;
  }();
  return *kTitles;
}

// Hashes of the folded titles, sorted: 8 bytes a title instead of a copy
// of its text, which kept the scanner's memory bound. A 64-bit collision
// among 95,622 titles is negligible.
// Most values asked about are no title (every short multi-word cell is), so
// a bit per hash (2^20 bits, 128 KiB) answers them before the binary
// search, whose cache misses over 760 KB showed in the profile.
bool IsIcd10Title(std::string_view folded) {
  constexpr size_t kFilterBits = size_t{1} << 20;
  struct Index {
    std::vector<size_t> hashes;
    std::vector<uint64_t> filter = std::vector<uint64_t>(kFilterBits / 64, 0);
  };
  static const auto* const kIndex = [] {
    auto* index = new Index();
    index->hashes.reserve(Icd10Titles().size());
    std::hash<std::string_view> hash;
    for (const auto& [code, title] : Icd10Titles()) {
      const size_t h = hash(FoldPhrase(title));
      index->hashes.push_back(h);
      index->filter[(h % kFilterBits) / 64] |= uint64_t{1} << (h % 64);
    }
    std::sort(index->hashes.begin(), index->hashes.end());
    return index;
  }();
  const size_t h = std::hash<std::string_view>()(folded);
  if ((kIndex->filter[(h % kFilterBits) / 64] >> (h % 64) & 1) == 0) {
    return false;
  }
  return std::binary_search(kIndex->hashes.begin(), kIndex->hashes.end(), h);
}

bool IsIcd10Code(std::string_view code) {
  return Icd10Titles().contains(code);
}

std::string_view Icd10Title(std::string_view code) {
  auto it = Icd10Titles().find(code);
  return it == Icd10Titles().end() ? std::string_view() : it->second;
}

bool IsMarketedDin(std::string_view din) {
  static const auto* const kDins =
      FirstColumnSet("medical/dpd_products.tsv", 12000);
  return kDins->contains(din);
}

const PhraseDictionary& ConditionDictionary() {
  static const PhraseDictionary* const kDictionary =
      LoadPhrases("medical/conditions.txt");
  return *kDictionary;
}

const PhraseDictionary& DrugDictionary() {
  static const PhraseDictionary* const kDictionary =
      LoadPhrases("medical/drug_names.txt");
  return *kDictionary;
}

bool IsAmbiguousDrug(int key) { return AmbiguousDrugKeys().contains(key); }

const LabCatalog& LabTests() {
  static const LabCatalog* const kCatalog = [] {
    auto* catalog = new LabCatalog();
    ForEachDataLine("medical/lab_tests.tsv", [catalog](std::string_view line) {
      AddLabLine(line, catalog);
    });
    return catalog;
  }();
  return *kCatalog;
}

size_t WarmUpMedicalData() {
  IsIcd10Code("E119");
  IsMarketedDin("00000000");
  IsAmbiguousDrug(-1);
  return ConditionDictionary().size() + DrugDictionary().size() +
         LabTests().tests.size();
}

}  // namespace breachscope::medical
