#include "detect/text/lexicon.h"

#include <string>
#include <vector>

#include "common/embedded_data.h"
#include "detect/text/text_tokens.h"

namespace breachscope::text {
namespace {

// Folds a dictionary entry the way token text is folded and joins its words
// with single spaces; periods and commas are dropped ("st. john's" ->
// "st john's") because tokens never contain them.
std::string Key(std::string_view entry) {
  // Fast path for the name lists: plain lower-case ASCII letters.
  bool plain = true;
  for (char c : entry) {
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(entry);
  std::string folded = FoldLower(entry);
  std::string key;
  for (char c : folded) {
    if (c == '.' || c == ',') c = ' ';
    if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
    key.push_back(c);
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::vector<std::string_view> Split(std::string_view line, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= line.size()) {
    size_t end = line.find(sep, start);
    if (end == std::string_view::npos) end = line.size();
    parts.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

void LoadSet(std::string_view file, WordSet* set, size_t reserve = 0) {
  if (reserve) set->reserve(reserve);
  ForEachDataLine(file, [&](std::string_view line) {
    std::string key = Key(line);
    if (!key.empty()) set->insert(key);
  });
  set->Seal();
}

// `canonical|variant|...` lines: every variant (and the canonical form) maps
// to the canonical form.
void LoadVariants(std::string_view file, WordMap* map) {
  ForEachDataLine(file, [&](std::string_view line) {
    std::vector<std::string_view> parts = Split(line, '|');
    std::string canonical = Key(parts[0]);
    for (std::string_view part : parts) {
      std::string key = Key(part);
      if (!key.empty()) map->emplace(std::move(key), canonical);
    }
  });
}

void LoadRegions(Lexicon* lex) {
  ForEachDataLine("address/provinces_ca.txt", [&](std::string_view line) {
    std::vector<std::string_view> p = Split(line, '|');
    if (p.size() < 4) return;
    std::string code(p[0]);
    for (size_t i = 0; i < 3; ++i) lex->regions.emplace(Key(p[i]), code);
    lex->postal_letters.emplace(code, std::string(p[3]));
  });
  ForEachDataLine("address/states_us.txt", [&](std::string_view line) {
    std::vector<std::string_view> p = Split(line, '|');
    if (p.size() < 2) return;
    std::string code(p[0]);
    lex->regions.emplace(Key(p[0]), code);
    lex->regions.emplace(Key(p[1]), code);
  });
}

Lexicon* Build() {
  auto* lex = new Lexicon();
  LoadSet("names/first_names.txt", &lex->first_names, 100000);
  LoadSet("names/last_names.txt", &lex->last_names, 165000);
  LoadSet("names/common_words.txt", &lex->common_words);
  LoadSet("names/not_names.txt", &lex->not_names);
  LoadSet("names/titles.txt", &lex->titles);
  LoadSet("address/ca_cities.txt", &lex->cities);
  LoadRegions(lex);
  for (const char* lang : {"fr", "en"}) {  // French wins: "rang" is rang
    std::string l(lang);
    LoadVariants("address/street_types_" + l + ".txt", &lex->street_types);
    LoadVariants("address/directionals_" + l + ".txt", &lex->directionals);
    LoadVariants("address/unit_types_numbered_" + l + ".txt", &lex->unit_types);
  }
  for (WordMap* map : {&lex->regions, &lex->postal_letters, &lex->street_types,
                       &lex->directionals, &lex->unit_types}) {
    map->Seal();
  }
  return lex;
}

}  // namespace

void WordSet::Seal() {
  const size_t words = starts_.empty() ? 0 : starts_.size() - 1;
  size_t capacity = 2;
  while (capacity < words + words / 2) capacity *= 2;
  slots_.assign(capacity, Slot());
  mask_ = capacity - 1;
  distinct_ = 0;
  for (size_t w = 0; w < words; ++w) {
    const std::string_view key = Word(w);
    const uint64_t h = Hash(key);
    const auto tag = static_cast<uint32_t>(h >> 32);
    size_t i = h & mask_;
    // A word listed twice keeps its first place.
    while (slots_[i].index != 0 &&
           !(slots_[i].tag == tag && Word(slots_[i].index - 1) == key)) {
      i = (i + 1) & mask_;
    }
    if (slots_[i].index != 0) continue;
    slots_[i] = {tag, static_cast<uint32_t>(w + 1)};
    ++distinct_;
  }
}

const Lexicon& GetLexicon() {
  static const Lexicon* const kLexicon = Build();
  return *kLexicon;
}

}  // namespace breachscope::text
