#include "detect/text/name_analyzer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "detect/text/lexicon.h"
#include "detect/text/name_context.h"
#include "detect/text/text_tokens.h"

namespace breachscope {
namespace {

using text::Lexicon;
using text::Token;
using text::TokenKind;

constexpr double kBase = 0.25;
constexpr double kEmitAt = 0.5;
constexpr int kMaxNameWords = 4;

// kUnknown: not worked out yet (a lower-case word, whose answer is needed
// only next to a run).
enum class Part : uint8_t { kNone, kWord, kInitial, kParticle, kUnknown };

// A run of name parts on one line: tokens [first, last], the period after
// an initial included.
struct Run {
  int first = 0;
  int last = 0;
  int words = 0;  // kWord parts
  bool all_caps = true;
};

// The dictionary's part of a run's score, and why.
struct Dictionary {
  double score = 0.0;
  const char* why = "no dictionary";
};

// A surname alone; more after an initial ("J. Smith").
double SurnameScore(bool initial) { return initial ? 0.3 : 0.2; }

// A run's score before penalties: the base, its dictionary score, its
// context, an address block under a name in the lists, and the inverted
// form ("SMITH, John", `inverted`).
double PreScore(double dictionary, const text::NameContext& ctx, bool inverted) {
  double score = kBase + dictionary + ctx.boost;
  if (ctx.addressee && dictionary >= 0.3) score += 0.25;
  if (inverted) score += 0.1;
  return score;
}

// Sums of tenths are inexact (0.25 + 0.45 - 0.2 < 0.5 in binary): scores
// are rounded to the hundredth so that the threshold sees the intended one.
double Rounded(double score) { return std::round(score * 100.0) / 100.0; }
bool CanEmit(double score) { return Rounded(score) >= kEmitAt; }

// "O'Brien's" -> "o'brien".
std::string_view Base(std::string_view folded) {
  if (folded.size() > 2 && folded.ends_with("'s")) folded.remove_suffix(2);
  return folded;
}

class Analysis {
 public:
  Analysis(const TextUnit& unit, std::span<const PriorFinding> prior,
           const std::vector<Token>& tokens)
      : text_(unit.text), prior_(prior), lex_(text::GetLexicon()), tokens_(tokens),
        text_unit_(unit.kind == UnitKind::kText) {}

  void Run(std::vector<ProposedFinding>* out) {
    // Every step asks for the parts of the same tokens again (runs, their
    // trim, words, scores, the normalised name); each answer costs several
    // hash look-ups, so each token's is worked out once. The buffers are
    // the thread's, reused unit after unit.
    static thread_local std::vector<Part> parts;
    static thread_local std::vector<int> starts;
    parts.resize(tokens_.size());
    starts.clear();
    parts_ = &parts;
    // One pass counts the words (capitals document, whether the analyzer
    // applies) and works out the part of each capitalised word, the only
    // tokens a run starts on (FindRuns). A lower-case word can only be a
    // particle inside a run: in logs and code there are millions, nearly
    // none next to a run, so theirs waits until a run reaches them.
    int words = 0, caps = 0;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind != TokenKind::kWord) {
        parts[i] = Part::kNone;
        continue;
      }
      ++words;
      caps += t.all_caps;
      if (!t.capitalised) {
        parts[i] = Part::kUnknown;
        continue;
      }
      parts[i] = ComputePart(static_cast<int>(i));
      if (parts[i] != Part::kNone) starts.push_back(static_cast<int>(i));
    }
    caps_document_ = words > 0 && caps * 10 >= words * 7;
    if (!text_unit_ && words < 4) return;
    std::vector<struct Run> runs = FindRuns(starts);
    for (size_t r = 0; r < runs.size(); ++r) {
      const struct Run* second = nullptr;
      if (r + 1 < runs.size() && Inverted(runs[r], runs[r + 1])) {
        second = &runs[r + 1];
      }
      Score(runs[r], second, out);
      if (second != nullptr) ++r;
    }
  }

 private:
  bool IsPeriod(int i) const {
    return i < static_cast<int>(tokens_.size()) && !tokens_[i].space_before &&
           text::IsPunct(text_, tokens_[i], '.');
  }

  Part PartOf(int i) const {
    Part& p = (*parts_)[i];
    if (p == Part::kUnknown) p = ComputePart(i);
    return p;
  }

  Part ComputePart(int i) const {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::kWord) return Part::kNone;
    if (!t.capitalised) {
      return text::IsNameParticle(t.folded) ? Part::kParticle : Part::kNone;
    }
    if (t.folded.size() == 1) return Part::kInitial;
    std::string_view base = Base(t.folded);
    if ((base == "st" || base == "ste") && IsPeriod(i + 1)) return Part::kParticle;
    if (lex_.Contains(lex_.not_names, base)) return Part::kNone;
    if (text::IsPersonTitle(base)) return Part::kNone;
    if (t.all_caps && text::IsStaffCredential(base)) return Part::kNone;
    return Part::kWord;
  }

  // Index after part i (an initial or "St" absorbs its period).
  int After(int i, Part p) const {
    return (p != Part::kWord && IsPeriod(i + 1)) ? i + 2 : i + 1;
  }

  // `starts`: the capitalised tokens whose part is not kNone, ascending;
  // no other token starts a run.
  std::vector<struct Run> FindRuns(const std::vector<int>& starts) const {
    std::vector<struct Run> runs;
    int n = static_cast<int>(tokens_.size());
    int from = 0;  // tokens before it belong to the previous run
    for (int i : starts) {
      if (i < from) continue;
      struct Run run{i, i, 0, true};
      int j = i, last_word = -1, last_word_end = i;
      while (j < n) {
        Part q = PartOf(j);
        if (j > i && (q == Part::kNone || tokens_[j].newlines_before > 0 ||
                      !tokens_[j].space_before)) {
          break;
        }
        if (q == Part::kNone) break;
        int next = After(j, q);
        if (q == Part::kWord) {
          ++run.words;
          run.all_caps = run.all_caps && tokens_[j].all_caps;
          last_word = j;
          last_word_end = next - 1;
        }
        j = next;
        // A possessive ends the name: "Melissa Kristoffersen's Cautionary Tales".
        if (q == Part::kWord && Base(tokens_[j - 1].folded).size() < tokens_[j - 1].folded.size()) {
          break;
        }
      }
      if (last_word >= 0) {
        run.last = last_word_end;
        TrimSentenceStart(&run);
        runs.push_back(run);
      }
      from = std::max(j, i + 1);
    }
    return runs;
  }

  // A capitalised sentence-initial word in no name list is not part of the
  // name that follows: "Called Hope Williams", "Today Anna Lee".
  void TrimSentenceStart(struct Run* run) const {
    int i = run->first;
    if (run->words < 2 || PartOf(i) != Part::kWord || !SentenceStart(i)) return;
    std::string_view f = Base(tokens_[i].folded);
    if (lex_.Contains(lex_.first_names, f) || lex_.Contains(lex_.last_names, f)) return;
    run->first = i + 1;
    --run->words;
  }

  // "SMITH, John" or "Smith, John" after a label: surname, comma, given.
  bool Inverted(const struct Run& a, const struct Run& b) const {
    if (a.words != 1 || b.first != a.last + 2 ||
        !text::IsPunct(text_, tokens_[a.last + 1], ',') ||
        tokens_[b.first].newlines_before > 0) {
      return false;
    }
    text::NameContext ctx = text::ReadNameContext(text_, tokens_, a.first, a.last);
    bool label = ctx.role == Role::kPatient || ctx.role == Role::kRelated;
    return (label || a.all_caps) &&
           lex_.Contains(lex_.last_names, Base(tokens_[a.last].folded)) &&
           lex_.Contains(lex_.first_names, tokens_[b.first].folded);
  }

  bool SentenceStart(int i) const {
    if (i == 0 || tokens_[i].newlines_before > 0) return true;
    const Token& prev = tokens_[i - 1];
    if (text::IsPunct(text_, prev, '!') || text::IsPunct(text_, prev, '?')) return true;
    if (!text::IsPunct(text_, prev, '.') || i < 2) return false;
    const Token& before = tokens_[i - 2];
    // "Dr. Lee" and "J. Smith" do not start sentences.
    return before.folded.size() > 1 &&
           text::ClassifyTitle(before.folded) == text::TitleKind::kNone;
  }

  // A pattern finding already covers the span (a phone, an identifier).
  // A signature line does not: the signer's name in it is a name too.
  bool OverlapsPrior(uint32_t start, uint32_t end) const {
    if (prior_.size() <= kLinearPrior) {
      for (const PriorFinding& p : prior_) {
        if (p.start < end && start < p.end && p.category != "signature") {
          return true;
        }
      }
      return false;
    }
    if (prior_index_ == nullptr) IndexPrior();
    // The spans that start before `end` are a prefix of the sorted starts;
    // one of them overlaps exactly when the furthest end among them passes
    // `start`.
    const PriorIndex& index = *prior_index_;
    const size_t before = static_cast<size_t>(
        std::lower_bound(index.starts.begin(), index.starts.end(), end) -
        index.starts.begin());
    return before > 0 && index.max_end[before - 1] > start;
  }

  // Prior findings of a long unit (a 64 KiB block holds hundreds, and
  // a block has hundreds of name candidates): sorted once, so that each
  // candidate costs a binary search rather than a pass over all of them.
  struct PriorIndex {
    std::vector<uint32_t> starts;   // ascending
    std::vector<uint32_t> max_end;  // furthest end among starts[0..i]
  };
  static constexpr size_t kLinearPrior = 16;

  void IndexPrior() const {
    static thread_local PriorIndex index;  // reused unit after unit
    static thread_local std::vector<std::pair<uint32_t, uint32_t>> spans;
    spans.clear();
    for (const PriorFinding& p : prior_) {
      if (p.category != "signature") spans.emplace_back(p.start, p.end);
    }
    std::sort(spans.begin(), spans.end());
    index.starts.clear();
    index.max_end.clear();
    uint32_t furthest = 0;
    for (const auto& [start, end] : spans) {
      furthest = std::max(furthest, end);
      index.starts.push_back(start);
      index.max_end.push_back(furthest);
    }
    prior_index_ = &index;
  }

  // Street names, facility names and numbered places are not persons.
  bool IsPlace(const struct Run& run) const {
    if (run.first > 0) {
      const Token& prev = tokens_[run.first - 1];
      if (prev.kind == TokenKind::kNumber || prev.kind == TokenKind::kMixed) return true;
      if (text::IsLeadingStreetType(prev.folded)) return true;
    }
    if (text::IsStrongStreetType(tokens_[run.last].folded) && run.words > 1) return true;
    size_t next = run.last + 1;
    if (next < tokens_.size() && tokens_[next].capitalised &&
        tokens_[next].newlines_before == 0) {
      std::string_view f = Base(tokens_[next].folded);
      if (text::IsStrongStreetType(f) || text::IsFacilityWord(f)) return true;
    }
    return text::FollowedByDose(text_, tokens_, run.last) ||
           text::FollowedByRegion(text_, tokens_, run.last);
  }

  // Token i is in the given-name or the surname list.
  bool Given(int i) const {
    return lex_.Contains(lex_.first_names, Base(tokens_[i].folded));
  }
  bool Surname(int i) const {
    return lex_.Contains(lex_.last_names, Base(tokens_[i].folded));
  }

  // The word tokens of `given` (when not null) and then of `run`, in
  // `out`; false when there are none or more than a name has. On the
  // stack: every capitalised run of a text (each identifier of source
  // code) comes here, and a vector allocated each time.
  bool Words(const struct Run& run, const struct Run* given,
             std::array<int, kMaxNameWords>* out, size_t* count) const {
    *count = 0;
    for (const struct Run* r : {given, &run}) {
      if (r == nullptr) continue;
      for (int i = r->first; i <= r->last; ++i) {
        if (PartOf(i) != Part::kWord) continue;
        if (*count == out->size()) return false;
        (*out)[(*count)++] = i;
      }
    }
    return *count > 0;
  }

  // The dictionary score of a name of two words or more.
  Dictionary SeveralWords(std::span<const int> words) const;
  double Penalties(std::span<const int> words, const struct Run& run,
                   const text::NameContext& ctx, std::string* why) const;
  std::string Normalize(const struct Run& run, const struct Run* given) const;
  void Score(const struct Run& run, const struct Run* given,
             std::vector<ProposedFinding>* out) const;

  std::string_view text_;
  std::span<const PriorFinding> prior_;
  const Lexicon& lex_;
  const std::vector<Token>& tokens_;  // of the whole unit
  std::vector<Part>* parts_ = nullptr;  // PartOf each token, set by Run
  mutable const PriorIndex* prior_index_ = nullptr;  // built on first need
  const bool text_unit_;  // a kText unit: read whatever its length
  bool caps_document_ = false;
};

Dictionary Analysis::SeveralWords(std::span<const int> words) const {
  int known = 0;
  for (int i : words) known += Given(i) || Surname(i);
  if (Given(words.front()) && Surname(words.back())) return {0.45, "given name + surname"};
  if (known == static_cast<int>(words.size())) return {0.3, "dictionary words"};
  if (known > 0) return {0.15, "partly in dictionary"};
  return {};
}

double Analysis::Penalties(std::span<const int> words, const struct Run& run,
                           const text::NameContext& ctx, std::string* why) const {
  double penalty = 0.0;
  int common = 0;
  for (int i : words) common += lex_.Contains(lex_.common_words, Base(tokens_[i].folded));
  if (common > 0) {
    bool all_common = common == static_cast<int>(words.size());
    double each = ctx.strong ? 0.05 : (all_common ? 0.3 : 0.1);
    penalty += each * common;
    *why += "; common word";
  }
  if (SentenceStart(run.first) && !ctx.strong) {
    penalty += words.size() == 1 ? 0.15 : 0.1;
    *why += "; sentence start";
  }
  std::string joined;
  for (int i : words) text::AppendWord(&joined, tokens_[i].folded);
  if ((lex_.Contains(lex_.cities, joined) || !Lexicon::Find(lex_.regions, joined).empty()) &&
      !ctx.strong) {
    penalty += 0.4;
    *why += "; place name";
  }
  // "grew up in Monroe", "from Niger": one word after a place preposition.
  if (words.size() == 1 && !ctx.strong && run.first > 0 &&
      text::IsPlacePreposition(tokens_[run.first - 1].folded)) {
    penalty += 0.15;
    *why += "; after place preposition";
  }
  if (run.all_caps && !caps_document_ && !ctx.strong) {
    penalty += 0.1;
    *why += "; capitals";
  }
  return penalty;
}

std::string Analysis::Normalize(const struct Run& run, const struct Run* given) const {
  std::string out;
  auto append = [&](const struct Run& r) {
    for (int i = r.first; i <= r.last; ++i) {
      Part p = PartOf(i);
      if (p == Part::kNone) continue;
      std::string_view t = text::TokenText(text_, tokens_[i]);
      if (p == Part::kWord && Base(tokens_[i].folded).size() < tokens_[i].folded.size()) {
        t.remove_suffix(t.ends_with("\xE2\x80\x99s") ? 4 : 2);  // possessive
      }
      if (!out.empty()) out.push_back(' ');
      out += p == Part::kParticle && !tokens_[i].capitalised
                 ? std::string(t) : text::TitleCaseName(t);
      if (p != Part::kWord && IsPeriod(i + 1)) out.push_back('.');
    }
  };
  if (given != nullptr) append(*given);
  append(run);
  return out;
}

void Analysis::Score(const struct Run& run, const struct Run* given,
                     std::vector<ProposedFinding>* out) const {
  const struct Run& tail = given != nullptr ? *given : run;
  std::array<int, kMaxNameWords> word_tokens;
  size_t word_count = 0;
  if (!Words(run, given, &word_tokens, &word_count)) return;
  const std::span<const int> words(word_tokens.data(), word_count);
  uint32_t start = tokens_[run.first].start, end = tokens_[tail.last].end;
  if (OverlapsPrior(start, end)) return;
  const bool initial = PartOf(run.first) == Part::kInitial;
  // One word that is no given name scores as a surname or not at all.
  // Which of the two is asked only when the answer can decide: most
  // capitalised words of code and logs are in no list and have no context,
  // and fall short either way.
  Dictionary dictionary;
  bool surname_asked = true;
  if (words.size() > 1) {
    dictionary = SeveralWords(words);
  } else if (Given(words[0])) {
    dictionary = {0.25, "given name"};
  } else {
    surname_asked = false;
  }
  auto ask_surname = [&] {
    if (surname_asked) return;
    surname_asked = true;
    if (Surname(words[0])) dictionary = {SurnameScore(initial), "surname"};
  };
  // Not a person's name whatever the context, unless a title comes before:
  // a field label ("Family doctor:", "DDN :") or an acronym in no name list
  // ("HSN", "BP"). Before the context is read (a dozen words around, each
  // against the context lists): most runs of a log or code ("GET", "HTTP",
  // "INFO") end here.
  if (!text::HasTitleBefore(text_, tokens_, run.first)) {
    if (text::OpensLabel(text_, tokens_, run.first, tail.last)) return;
    const Token& t = tokens_[words.front()];
    if (words.size() == 1 && t.all_caps && t.folded.size() <= 4) {
      ask_surname();
      if (dictionary.score == 0.0) return;
    }
  }
  text::NameContext ctx = text::ReadNameContext(text_, tokens_, run.first, tail.last);
  if (!surname_asked &&
      !CanEmit(PreScore(SurnameScore(initial), ctx, given != nullptr))) {
    return;
  }
  ask_surname();
  double score = PreScore(dictionary.score, ctx, given != nullptr);
  // Penalties only lower the score and rounding keeps order: a run short
  // of the threshold already (most capitalised words of code and logs: no
  // dictionary, no context) is done without them, and without asking
  // whether it is a place, which costs look-ups of its words.
  if (!CanEmit(score)) return;
  if (IsPlace(run)) return;
  std::string why = dictionary.why;
  if (ctx.addressee && dictionary.score >= 0.3) why += "; address block";
  score -= Penalties(words, run, ctx, &why);
  score = Rounded(score);
  if (score < kEmitAt) return;
  ProposedFinding f;
  f.start = start;
  f.end = end;
  if (PartOf(tail.last) == Part::kWord &&
      Base(tokens_[tail.last].folded).size() < tokens_[tail.last].folded.size()) {
    f.end -= text_.substr(start, end - start).ends_with("\xE2\x80\x99s") ? 4 : 2;
  }
  f.detector = "name_text";
  f.category = "name";
  f.normalized = Normalize(run, given);
  f.confidence = std::min(score, 0.97);
  f.role = ctx.role;
  char buf[32];
  std::snprintf(buf, sizeof buf, "; score %.2f", f.confidence);
  f.explanation = why + (ctx.why.empty() ? "" : "; " + ctx.why) + buf;
  out->push_back(std::move(f));
}

}  // namespace

NameTextAnalyzer::NameTextAnalyzer() : FreeTextAnalyzer("name") {
  text::GetLexicon();
}

std::vector<DetectorInfo> NameTextAnalyzer::Describe() const {
  return {{"name_text", "name",
           "persons' names in free text: dictionaries, titles, context words, "
           "credentials; role patient/staff/related"}};
}

void NameTextAnalyzer::Run(const TextUnit& unit,
                   std::span<const PriorFinding> prior,
                   const std::vector<text::Token>& tokens,
                   std::vector<ProposedFinding>* out) const {
  Analysis(unit, prior, tokens).Run(out);
}

const UnitAnalyzer& NameTextAnalyzerInstance() {
  static const NameTextAnalyzer* const kInstance = new NameTextAnalyzer();
  return *kInstance;
}

}  // namespace breachscope
