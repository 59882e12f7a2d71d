#include "detect/medical/medical_data.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
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

// ICD-10-CM code -> title, as views into the embedded data, in an
// open-addressing table: the entries in file order, and a power-of-two
// array of slots at most half full, probed linearly. A slot holds its
// entry's index + 1 (0 when empty) and the high half of the code's hash,
// so a probe that meets another code rarely reads that code's entry. The
// std::unordered_map it replaces allocated a node for each of the 95,622
// codes, and building it was about 2% of a scan of 20 MB of source code,
// at every start of the program.
class Icd10Table {
 public:
  struct Entry {
    std::string_view code;
    std::string_view title;
  };

  Icd10Table() {
    std::string_view data = EmbeddedData("medical/icd10cm_codes.tsv");
    size_t lines = 1;
    for (const char* at = data.data(), *end = data.data() + data.size();
         (at = static_cast<const char*>(std::memchr(at, '\n', end - at)));
         ++at) {
      ++lines;
    }
    size_t slot_count = 1024;
    while (slot_count < 2 * lines) slot_count *= 2;
    slots_.assign(slot_count, 0);
    entries_.reserve(lines);
    ForEachDataLine("medical/icd10cm_codes.tsv", [this](std::string_view line) {
      const size_t tab = line.find('\t');
      Add(line.substr(0, tab), tab == std::string_view::npos
                                   ? std::string_view()
                                   : line.substr(tab + 1));
    });
  }

  // The entry of `code`, or nullptr.
  const Entry* Find(std::string_view code) const {
    const size_t hash = std::hash<std::string_view>()(code);
    const uint64_t tag = Tag(hash);
    for (size_t slot = hash & Mask();; slot = (slot + 1) & Mask()) {
      const uint64_t held = slots_[slot];
      if (held == 0) return nullptr;
      if ((held & kTagBits) != tag) continue;
      const Entry& entry = entries_[(held & ~kTagBits) - 1];
      if (entry.code == code) return &entry;
    }
  }

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  static constexpr uint64_t kTagBits = ~uint64_t{0} << 32;
  static uint64_t Tag(size_t hash) {
    return static_cast<uint64_t>(hash) & kTagBits;
  }
  size_t Mask() const { return slots_.size() - 1; }

  // Keeps the first title of a code listed twice, as the map did.
  void Add(std::string_view code, std::string_view title) {
    if (Find(code) != nullptr) return;
    const size_t hash = std::hash<std::string_view>()(code);
    size_t slot = hash & Mask();
    while (slots_[slot] != 0) slot = (slot + 1) & Mask();
    entries_.push_back({code, title});
    slots_[slot] = Tag(hash) | entries_.size();
  }

  std::vector<Entry> entries_;
  std::vector<uint64_t> slots_;
};

const Icd10Table& Icd10Titles() {
  static const auto* const kTable = new Icd10Table();
  return *kTable;
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
    const std::vector<Icd10Table::Entry>& entries = Icd10Titles().entries();
    index->hashes.reserve(entries.size());
    std::hash<std::string_view> hash;
    std::string folded;  // one buffer for every title
    for (const Icd10Table::Entry& entry : entries) {
      FoldPhrase(entry.title, &folded);
      const size_t h = hash(folded);
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
  return Icd10Titles().Find(code) != nullptr;
}

std::string_view Icd10Title(std::string_view code) {
  const Icd10Table::Entry* entry = Icd10Titles().Find(code);
  return entry == nullptr ? std::string_view() : entry->title;
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
