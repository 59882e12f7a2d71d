#include "detect/id_shape.h"

#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detect/context.h"
#include "detect/id_machine_text.h"

namespace breachscope {
namespace {

constexpr size_t kMinToken = 4;
constexpr size_t kMaxToken = 24;

constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAlnum(unsigned char c) { return IsDigit(c) || IsLetter(c); }
constexpr bool IsSeparator(unsigned char c) {
  return c == '-' || c == '/' || c == '.' || c == '#';
}

// Words that say a number names a transaction, a thing or another kind of
// account, not a patient's record: `Order RVH-0042371` stays an order
// number even when a facility's record numbers have that shape. Sorted, so
// each word of a window is looked up once (IsCounterWord).
constexpr std::array<std::string_view, 40> kCounterWords = {
    "accession", "batch", "booking", "certificate", "claim", "conf",
    "confirmation", "form", "group", "inv", "invoice", "item", "lot",
    "member", "model", "order", "orders", "parcel", "part", "po", "policy",
    "prescription", "product", "purchase", "rack", "receipt", "ref",
    "reference", "req", "requisition", "rx", "serial", "shipment", "sku",
    "ticket", "tracking", "transaction", "txn", "version", "waybill"};
static_assert(std::is_sorted(kCounterWords.begin(), kCounterWords.end()));

bool IsCounterWord(std::string_view word) {
  return word.size() >= 2 && word.size() <= 12 &&
         std::binary_search(kCounterWords.begin(), kCounterWords.end(), word);
}

// True when a normalised, '_'-framed text (NearbyWindow, AppendNormalized)
// holds a counter word: one pass over its words.
bool HasCounterWord(std::string_view framed) {
  size_t i = 0;
  while (i < framed.size()) {
    const size_t end = framed.find('_', i);
    const size_t stop = end == std::string_view::npos ? framed.size() : end;
    if (IsCounterWord(framed.substr(i, stop - i))) return true;
    i = stop + 1;
  }
  return false;
}

// `9{7}`: written by hand, the lengths being below 100 (a token is at
// most kMaxToken bytes), since std::to_string was a visible part of
// building a shape.
void AppendRun(std::string* out, char kind, int length) {
  char run[6] = {kind, '{'};
  size_t n = 2;
  if (length >= 10) run[n++] = static_cast<char>('0' + length / 10);
  run[n++] = static_cast<char>('0' + length % 10);
  run[n++] = '}';
  out->append(run, n);
}

// Structured fields that hold a message's, an order's or a resource's own
// identifiers, codes and timestamps, never a patient's record number: HL7
// message, order and observation segments, FHIR ids, codes and times.
constexpr std::array<std::string_view, 8> kMachineSegments = {
    "MSH-", "EVN-", "ORC-", "OBR-", "OBX-", "SPM-", "TQ1-", "FT1-"};
constexpr std::array<std::string_view, 12> kMachineFields = {
    "id", "code", "fullurl", "reference", "system", "url", "uri",
    "lastupdated", "timestamp", "start", "end", "version"};

bool IsMachineField(const TextUnit& unit) {
  if (unit.kind != UnitKind::kField) return false;
  for (std::string_view segment : kMachineSegments) {
    if (unit.label.size() > segment.size() &&
        std::equal(segment.begin(), segment.end(), unit.label.begin(),
                   [](char a, char b) {
                     return a == (b >= 'a' && b <= 'z' ? b - 32 : b);
                   })) {
      return true;
    }
  }
  const std::string subject = Normalize(LabelSubject(unit.label, unit.kind));
  return std::find(kMachineFields.begin(), kMachineFields.end(), subject) !=
         kMachineFields.end();
}

bool HasCounterLabel(const TextUnit& unit) {
  if (unit.label.empty()) return false;
  if (IsMachineField(unit)) return true;
  std::string framed = "_";
  AppendNormalized(LabelSubject(unit.label, unit.kind), &framed);
  framed.push_back('_');
  return HasCounterWord(framed);
}

bool HasCounterWordBefore(std::string_view text, size_t start,
                          std::string* window) {
  NearbyWindow(text, start, window);
  return HasCounterWord(*window);
}

// End of the token starting at `start` (an alphanumeric byte): letters and
// digits, with single separators between them.
size_t TokenEnd(std::string_view text, size_t start) {
  size_t end = start;
  while (end < text.size()) {
    const unsigned char c = text[end];
    if (IsAlnum(c)) {
      ++end;
    } else if (IsSeparator(c) && end + 1 < text.size() &&
               IsAlnum(static_cast<unsigned char>(text[end + 1]))) {
      ++end;
    } else {
      break;
    }
  }
  return end;
}

// True when a byte next to a token joins it to something that is not an
// identifier: an e-mail address, a word with accents, a snake_case name.
bool Glued(unsigned char c) {
  return IsWordByte(c) || c == '@' || c == '_';
}

bool Overlaps(const Finding& f, uint64_t start, uint64_t end) {
  const uint64_t f_start = f.location.offset;
  const uint64_t f_end = f_start + f.value.size();
  return f_start < end && start < f_end;
}

// `2024-03-01T10` or `20240301T101500Z`: the two ISO timestamp forms
// IsSpecific turns away (classes `9{4}-9{2}-9{2}A{1}...`, literal
// `9{8}T9{...`), told from the bytes.
bool IsTimestampToken(std::string_view t) {
  auto digits = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      if (!IsDigit(t[i])) return false;
    }
    return true;
  };
  auto letter = [&](size_t i) {
    return i < t.size() && IsLetter(static_cast<unsigned char>(t[i]));
  };
  if (t.size() >= 11 && digits(0, 4) && t[4] == '-' && digits(5, 7) &&
      t[7] == '-' && digits(8, 10) && letter(10) && !letter(11)) {
    return true;
  }
  return t.size() >= 10 && digits(0, 8) && (t[8] | 0x20) == 't' &&
         IsDigit(t[9]);
}

// Counts of a token's bytes: what CannotBeSpecific decides on.
struct TokenCounts {
  int digits = 0, letters = 0, digit_runs = 0, letter_runs = 0;
  bool spaced = false;
};

bool CannotBeSpecific(std::string_view token, const TokenCounts& n) {
  if (n.letters == 0) return n.digit_runs != 2 || n.digits < 6;
  return n.digits < (n.spaced ? 5 : 4) || n.letter_runs > 2 ||
         IsTimestampToken(token);
}

// A token that cannot have a specific shape, told without building one
// (two strings per token): the same counts of digits, letters and their
// runs that ShapeOf takes and IsSpecific asks for. Plain numbers and words
// in dense tables, hexadecimal ids (letters in three runs or more) and
// timestamps in logs, most tokens of either, end here.
bool CannotBeSpecific(std::string_view token) {
  TokenCounts n;
  unsigned char prev = 0;
  for (unsigned char c : token) {
    if (IsDigit(c)) {
      ++n.digits;
      n.digit_runs += !IsDigit(prev);
    } else if (IsLetter(c)) {
      ++n.letters;
      n.letter_runs += !IsLetter(prev);
    } else {
      n.spaced = n.spaced || c == ' ';
    }
    prev = c;
  }
  return CannotBeSpecific(token, n);
}

bool HasDigits(std::string_view text, int at_least) {
  int digits = 0;
  for (unsigned char c : text) {
    if (IsDigit(c) && ++digits >= at_least) return true;
  }
  return false;
}

bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// `RVH 0042371`, `M 00123456`: one to four upper-case letters (as
// written, so `in 2024` is not), one space, a run of digits that ends the
// token. The end of that form when the token [start, end) begins one, else
// `end`. A counter word (`PO 12345`, `INV 0042371`) is no prefix.
size_t SpacedEnd(std::string_view text, size_t start, size_t end) {
  if (end - start > 4 || end + 1 >= text.size() || text[end] != ' ' ||
      !IsDigit(static_cast<unsigned char>(text[end + 1]))) {
    return end;
  }
  std::string prefix;
  for (size_t i = start; i < end; ++i) {
    const unsigned char c = text[i];
    if (!IsUpper(c)) return end;
    prefix.push_back(static_cast<char>(c | 0x20));
  }
  if (IsCounterWord(prefix)) return end;
  size_t digits_end = end + 1;
  while (digits_end < text.size() &&
         IsDigit(static_cast<unsigned char>(text[digits_end]))) {
    ++digits_end;
  }
  return TokenEnd(text, end + 1) == digits_end ? digits_end : end;
}

// Byte classes of the run gate; 0: a byte no token holds.
constexpr uint8_t kSeparatorClass = 1, kDigitClass = 2, kLetterClass = 3;
constexpr std::array<uint8_t, 256> kRunClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (IsDigit(c)) t[c] = kDigitClass;
    if (IsLetter(c)) t[c] = kLetterClass;
    if (IsSeparator(c)) t[c] = kSeparatorClass;
  }
  return t;
}();

// CandidateFreeRunEnd's counts over the run from `end` on, 16 bytes at a
// time while 16 remain, as its byte loop keeps them (`prev` the class of
// the byte before); returns where it stopped: the run's end, or where the
// byte loop goes on. The run gate read every byte of a log through the
// class table, a third of the candidate scan's time.
// Set bits of a 16-bit mask by table: the baseline x86-64 the project
// builds for has no popcnt instruction, and std::popcount became a call to
// libgcc's __popcountdi2, 3% of a scan of a log.
constexpr std::array<uint8_t, 256> kBitsOf = [] {
  std::array<uint8_t, 256> t{};
  for (int i = 0; i < 256; ++i) {
    t[i] = static_cast<uint8_t>(std::popcount(static_cast<unsigned>(i)));
  }
  return t;
}();

int Bits16(uint32_t mask) { return kBitsOf[mask & 0xFF] + kBitsOf[mask >> 8]; }

size_t CountRunBlocks(std::string_view text, size_t end, TokenCounts* n,
                      bool* split, uint8_t* prev) {
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
  const __m128i a = _mm_set1_epi8('a'), z = _mm_set1_epi8(25);
  const __m128i lower = _mm_set1_epi8(0x20);
  const __m128i dash = _mm_set1_epi8('-'), slash = _mm_set1_epi8('/');
  const __m128i dot = _mm_set1_epi8('.'), hash = _mm_set1_epi8('#');
  // x - lo, unsigned, at most `span`: in [lo, lo + span].
  auto in = [](__m128i x, __m128i lo, __m128i span) {
    const __m128i off = _mm_sub_epi8(x, lo);
    return _mm_cmpeq_epi8(_mm_min_epu8(off, span), off);
  };
  while (end + 16 <= text.size()) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + end));
    const __m128i sep =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dash), _mm_cmpeq_epi8(v, slash)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, hash)));
    uint32_t digit = _mm_movemask_epi8(in(v, zero, nine));
    uint32_t letter = _mm_movemask_epi8(in(_mm_or_si128(v, lower), a, z));
    uint32_t separator = _mm_movemask_epi8(sep);
    const uint32_t stop = ~(digit | letter | separator) & 0xFFFFu;
    const int bytes = stop != 0 ? std::countr_zero(stop) : 16;
    const uint32_t run = (1u << bytes) - 1;
    digit &= run;
    letter &= run;
    separator &= run;
    // Bit j's byte before is bit j - 1's, or `prev` for bit 0.
    const uint32_t digit_before = (digit << 1) | (*prev == kDigitClass);
    const uint32_t letter_before = (letter << 1) | (*prev == kLetterClass);
    const uint32_t separator_before =
        (separator << 1) | (*prev == kSeparatorClass || *prev == 0);
    n->digits += Bits16(digit);
    n->letters += Bits16(letter);
    n->digit_runs += Bits16(digit & ~digit_before & 0xFFFFu);
    n->letter_runs += Bits16(letter & ~letter_before & 0xFFFFu);
    *split = *split || (separator & separator_before) != 0;
    if (bytes > 0) {
      const uint32_t last = 1u << (bytes - 1);
      *prev = (digit & last)    ? kDigitClass
              : (letter & last) ? kLetterClass
                                : kSeparatorClass;
    }
    end += bytes;
    if (stop != 0) break;
  }
#endif
  return end;
}

}  // namespace

size_t CandidateFreeRunEnd(std::string_view text, size_t i) {
  TokenCounts n;
  // One token, the whole run, unless a separator starts or ends it or
  // follows another (TokenEnd stops there): `split`.
  bool split = false;
  uint8_t prev = 0;  // class of the byte before
  size_t end = CountRunBlocks(text, i, &n, &split, &prev);
  for (; end < text.size(); ++end) {
    const uint8_t cls = kRunClass[static_cast<unsigned char>(text[end])];
    if (cls == 0) break;
    if (cls == kDigitClass) {
      ++n.digits;
      n.digit_runs += prev != kDigitClass;
    } else if (cls == kLetterClass) {
      ++n.letters;
      n.letter_runs += prev != kLetterClass;
    } else if (prev == 0 || prev == kSeparatorClass) {
      split = true;
    }
    prev = cls;
  }
  const bool one_token = !split && prev != kSeparatorClass;
  // A spaced form (`RVH 0042371`) starts with the run's last token and
  // takes its digits from the next run.
  if (end + 1 < text.size() && text[end] == ' ' &&
      IsDigit(static_cast<unsigned char>(text[end + 1]))) {
    return i;
  }
  // Every token of the run has at most its digits: one with letters needs
  // 4, one without 6 (CannotBeSpecific).
  if (n.digits < (n.letters > 0 ? 4 : 6)) return end;
  // The whole run is the scan's one token when nothing glues it to the
  // byte before (else the scan's tokens start after its separators).
  const bool glued = i > 0 && Glued(static_cast<unsigned char>(text[i - 1]));
  if (one_token && !glued && CannotBeSpecific(text.substr(i, end - i), n)) {
    return end;
  }
  return i;
}

std::optional<IdShape> ShapeOf(std::string_view token) {
  if (token.size() < kMinToken || token.size() > kMaxToken) return {};
  if (!IsAlnum(token.front()) || !IsAlnum(token.back())) return {};
  // The one form with a space: letters, a space, digits (`RVH 0042371`).
  const size_t space = token.find(' ');
  if (space != std::string_view::npos &&
      (space == 0 || space > 4 ||
       !std::all_of(token.begin(), token.begin() + space,
                    [](unsigned char c) { return IsLetter(c); }) ||
       !std::all_of(token.begin() + space + 1, token.end(),
                    [](unsigned char c) { return IsDigit(c); }))) {
    return {};
  }
  IdShape shape;
  size_t i = 0;
  while (i < token.size()) {
    const unsigned char c = token[i];
    size_t j = i;
    if (IsDigit(c)) {
      while (j < token.size() && IsDigit(token[j])) ++j;
      const int n = static_cast<int>(j - i);
      AppendRun(&shape.literal, '9', n);
      AppendRun(&shape.classes, '9', n);
      shape.digits += n;
      ++shape.digit_runs;
    } else if (IsLetter(c)) {
      while (j < token.size() && IsLetter(token[j])) {
        const char up = static_cast<char>(token[j] & ~0x20);
        shape.literal.push_back(up);
        ++j;
      }
      const int n = static_cast<int>(j - i);
      AppendRun(&shape.classes, 'A', n);
      shape.letters += n;
      ++shape.letter_runs;
    } else if ((IsSeparator(c) || c == ' ') && i + 1 < token.size() &&
               IsAlnum(static_cast<unsigned char>(token[i + 1]))) {
      shape.literal.push_back(static_cast<char>(c));
      shape.classes.push_back(static_cast<char>(c));
      j = i + 1;
    } else {
      return {};
    }
    i = j;
  }
  if (shape.digits < 3) return {};
  return shape;
}

bool IsSpecific(const IdShape& shape) {
  if (shape.letters > 0) {
    // An ICD-10 code (`G43.909`) is a diagnosis wherever it stands.
    const bool icd10 = shape.letter_runs == 1 && shape.digit_runs == 2 &&
                       shape.classes.rfind("A{1}9{2}.", 0) == 0;
    // Nor is an ISO timestamp (`2024-03-01T10`, `20240301T101500Z`).
    const bool timestamp =
        shape.classes.rfind("9{4}-9{2}-9{2}A{1}", 0) == 0 ||
        shape.literal.rfind("9{8}T9{", 0) == 0;
    // A spaced prefix needs a number longer than a year (`DEC 2024`).
    const bool spaced = shape.literal.find(' ') != std::string::npos;
    return shape.digits >= (spaced ? 5 : 4) && shape.letter_runs <= 2 &&
           !icd10 && !timestamp;
  }
  // Digits only: two groups of at least 2, one long enough that no date
  // (4-2-2, 2-2-4), phone (3-4, 3-3-4), SIN (3-3-3) or LOINC code (5-1)
  // has it: `24-118873`.
  if (shape.digit_runs != 2 || shape.digits < 6) return false;
  const size_t dash = shape.literal.find('}');
  const int first = std::stoi(shape.literal.substr(2, dash - 2));
  const int second = shape.digits - first;
  return std::min(first, second) >= 2 && std::max(first, second) >= 5;
}

void CollectIdCandidates(const TextUnit& unit, std::span<const Finding> taken,
                         std::vector<Finding>* out) {
  const std::string_view text = unit.text;
  if (text.size() < kMinToken || !HasDigits(text, 4)) return;
  int counter_label = -1;  // read once, when a token needs it
  std::string window;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (c == ':' && text.substr(i + 1, 2) == "//") {
      i = UrlEnd(text, i);
      continue;
    }
    // At the start of a run of token bytes that cannot hold a candidate
    // (words, short numbers: most of a log or source file), skip it whole.
    if ((i == 0 || kRunClass[static_cast<unsigned char>(text[i - 1])] == 0) &&
        kRunClass[c] != 0) {
      const size_t skip = CandidateFreeRunEnd(text, i);
      if (skip != i) {
        i = skip;
        continue;
      }
    }
    if (!IsAlnum(c) || (i > 0 && Glued(static_cast<unsigned char>(text[i - 1])))) {
      ++i;
      continue;
    }
    const size_t start = i;
    const size_t end = SpacedEnd(text, start, TokenEnd(text, start));
    i = end;
    if (end < text.size() && Glued(static_cast<unsigned char>(text[end]))) {
      continue;
    }
    const std::string_view token = text.substr(start, end - start);
    if (token.size() < kMinToken || CannotBeSpecific(token)) continue;
    // Machine text first: it needs no shape built, and in logs most tokens
    // that get this far are pieces of times (`34.313Z`).
    if (MachineToken(text, start, end)) continue;
    std::optional<IdShape> shape = ShapeOf(token);
    if (!shape || !IsSpecific(*shape)) continue;
    const uint64_t abs_start = unit.offset + start;
    const bool covered = std::any_of(taken.begin(), taken.end(),
                                     [&](const Finding& f) {
                                       return Overlaps(f, abs_start,
                                                       abs_start + token.size());
                                     });
    if (covered) continue;
    if (counter_label < 0) counter_label = HasCounterLabel(unit) ? 1 : 0;
    if (counter_label == 1) return;
    if (HasCounterWordBefore(text, start, &window)) continue;
    Finding& f = out->emplace_back();
    f.category = std::string(kIdCandidateCategory);
    f.detector = std::string(kIdCandidateCategory);
    f.value = std::string(token);
    f.location = Location::FromUnit(unit, start);
  }
}

}  // namespace breachscope
