#include "detect/text/local_phone_analyzer.h"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "detect/context.h"
#include "detect/text/text_tokens.h"
#include "detect/unit_cache.h"

namespace breachscope {
namespace {

constexpr double kConfidence = 0.75;

// Countries whose numbers are dialled at home with the trunk prefix 0, and
// the words (normalised as context.h does) that name them in English or
// French: the country, its usual short forms, and large cities. Words that
// are also common English ("nice") are left out.
struct Country {
  std::string_view region;
  std::vector<std::string_view> words;
};

const std::vector<Country>& Countries() {
  static const auto* const kCountries = new std::vector<Country>{
      {"FR", {"france", "paris", "lyon", "marseille", "toulouse", "nantes",
              "bordeaux", "lille", "strasbourg", "montpellier", "rennes",
              "cedex"}},
      {"GB", {"united_kingdom", "uk", "great_britain", "england", "scotland",
              "wales", "royaume_uni", "angleterre", "london", "londres",
              "manchester", "birmingham", "glasgow", "edinburgh", "liverpool",
              "leeds", "bristol"}},
      {"BE", {"belgium", "belgique", "brussels", "bruxelles", "antwerp",
              "anvers", "liège", "liege"}},
      {"CH", {"switzerland", "suisse", "geneva", "genève", "geneve", "zurich",
              "lausanne", "bern", "berne"}},
      {"DE", {"germany", "allemagne", "deutschland", "berlin", "munich",
              "münchen", "hamburg", "frankfurt"}},
      {"IE", {"ireland", "irlande", "dublin", "cork"}},
      {"AU", {"australia", "australie", "sydney", "melbourne", "brisbane",
              "perth"}},
  };
  return *kCountries;
}

// Words that say the digits after them are a phone number.
constexpr std::string_view kPhoneWords[] = {
    "phone", "tel",    "tél",     "telephone", "téléphone", "mobile",
    "portable", "cell", "fax",    "call",      "contact",   "appeler",
    "joindre"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSeparator(char c) { return c == ' ' || c == '.' || c == '-'; }

// End of a local number starting with the trunk '0' at `start`: digits with
// single separators between them, 9 to 11 digits in all, a clean end.
// Returns `start` when there is none.
size_t NumberEnd(std::string_view s, size_t start) {
  size_t i = start, digits = 0, end = start;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      ++digits;
      end = ++i;
    } else if (IsSeparator(s[i]) && i + 1 < s.size() && IsDigit(s[i + 1]) &&
               i > start) {
      ++i;
    } else {
      break;
    }
  }
  if (digits < 9 || digits > 11) return start;
  if (end < s.size() && IsWordByte(static_cast<unsigned char>(s[end]))) {
    return start;
  }
  return end;
}

// A clean start: not after a letter, digit, '+' (phone_intl's) or ')'
// ("+44 (0)20 ...").
bool CleanStart(std::string_view s, size_t i) {
  if (i == 0) return true;
  char before = s[i - 1];
  if (IsWordByte(static_cast<unsigned char>(before)) || before == '+' ||
      before == ')' || before == '(' || before == '/' || before == '#') {
    return false;
  }
  // Not the rest of a number after its country code ("+33 01 42 ...").
  size_t k = i;
  while (k > 0 && s[k - 1] == ' ') --k;
  size_t digits = k;
  while (digits > 0 && IsDigit(s[digits - 1])) --digits;
  return !(digits < k && digits > 0 && s[digits - 1] == '+');
}

bool OverlapsPrior(std::span<const PriorFinding> prior, size_t start,
                   size_t end) {
  for (const PriorFinding& p : prior) {
    if (p.start < end && start < p.end) return true;
  }
  return false;
}

bool PhoneWordBefore(std::string_view s, size_t start, std::string* window) {
  NearbyWindow(s, start, window);
  for (std::string_view word : kPhoneWords) {
    if (FindLastWord(*window, Normalize(word)) >= 0) return true;
  }
  return false;
}

class LocalPhoneAnalyzer : public UnitAnalyzer {
 public:
  std::vector<DetectorInfo> Describe() const override {
    return {{"phone_local", "phone",
             "phone numbers of other countries in their local form "
             "(01 42 68 53 00), with a phone word and the country named in "
             "the same text, valid for libphonenumber"}};
  }

  // Only for the engine's per-unit cache (AnalyzerScratch::unit).
  std::unique_ptr<AnalyzerScratch> NewScratch() const override {
    return std::make_unique<AnalyzerScratch>();
  }

  void Analyze(const TextUnit& unit, std::span<const PriorFinding> prior,
               AnalyzerScratch* scratch,
               std::vector<ProposedFinding>* out) const override {
    std::string_view s = unit.text;
    // Most units hold no '0' at all: the cheapest test first.
    if (s.find('0') == std::string_view::npos) return;
    const bool free_text = scratch != nullptr && scratch->unit != nullptr
                               ? scratch->unit->FreeText()
                               : text::IsFreeTextUnit(unit);
    if (!free_text) return;
    std::string window, regions;
    bool regions_known = false;
    for (size_t i = s.find('0'); i != std::string_view::npos;
         i = s.find('0', i + 1)) {
      if (!CleanStart(s, i)) continue;
      const size_t end = NumberEnd(s, i);
      if (end == i || OverlapsPrior(prior, i, end) ||
          !PhoneWordBefore(s, i, &window)) {
        continue;
      }
      if (!regions_known) {
        regions = text::CountryHints(s);
        regions_known = true;
      }
      if (regions.empty()) return;  // no country named: nothing here counts
      std::string_view number = s.substr(i, end - i);
      for (size_t r = 0; r + 1 < regions.size(); r += 2) {
        std::optional<std::string> e164 =
            text::LocalToE164(number, std::string_view(regions).substr(r, 2));
        if (!e164) continue;
        out->push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(end),
                        "phone_local", "phone", std::move(*e164), kConfidence,
                        "local number after a phone word, valid for the "
                        "country the text names"});
        break;
      }
      i = end;
    }
  }
};

}  // namespace

namespace text {

std::string CountryHints(std::string_view text) {
  std::string framed = "_" + Normalize(text) + "_";
  std::vector<std::pair<size_t, std::string_view>> found;
  for (const Country& c : Countries()) {
    size_t first = std::string::npos;
    for (std::string_view word : c.words) {
      std::string key = "_" + std::string(word) + "_";
      first = std::min(first, framed.find(key));
    }
    if (first != std::string::npos) found.push_back({first, c.region});
  }
  std::sort(found.begin(), found.end());
  std::string regions;
  for (const auto& f : found) regions += f.second;
  return regions;
}

std::optional<std::string> LocalToE164(std::string_view number,
                                       std::string_view region) {
  using ::i18n::phonenumbers::PhoneNumber;
  using ::i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber parsed;
  const std::string code(region);
  if (util->Parse(std::string(number), code, &parsed) !=
          PhoneNumberUtil::NO_PARSING_ERROR ||
      !util->IsValidNumberForRegion(parsed, code)) {
    return std::nullopt;
  }
  std::string e164;
  util->Format(parsed, PhoneNumberUtil::E164, &e164);
  return e164;
}

}  // namespace text

const UnitAnalyzer& LocalPhoneAnalyzerInstance() {
  static const auto* const kAnalyzer = new LocalPhoneAnalyzer();
  return *kAnalyzer;
}

}  // namespace breachscope
