#include "ingest/documents/rtf_text.h"

#include <cctype>
#include <charconv>
#include <vector>

#include "common/utf8.h"
#include "ingest/extract/text_reader.h"
#include "ingest/text_decoder.h"

namespace breachscope {
namespace {

// Windows-1252 bytes 0x80-0x9F; the rest of the upper half is Latin-1.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

char32_t FromCp1252(unsigned char b) {
  return (b >= 0x80 && b < 0xA0) ? kCp1252High[b - 0x80] : b;
}

bool IsSkippedDestination(std::string_view word) {
  for (std::string_view skip :
       {"fonttbl", "colortbl", "stylesheet", "info", "pict", "object",
        "themedata", "colorschememapping", "datastore", "latentstyles",
        "listtable", "listoverridetable", "rsidtbl", "generator",
        "xmlnstbl", "mmathPr", "filetbl", "revtbl", "fldinst", "bkmkstart",
        "bkmkend", "nonshppict", "shppict", "userprops", "pgdsctbl"}) {
    if (word == skip) return true;
  }
  return false;
}

constexpr size_t kMaxDepth = 256;

class RtfConverter {
 public:
  explicit RtfConverter(std::string_view rtf) : in_(rtf) {}

  std::string Run() {
    states_.push_back({});
    while (pos_ < in_.size()) {
      const char c = in_[pos_];
      if (c == '{') {
        ++pos_;
        // Nesting is bounded so a file of braces cannot exhaust memory;
        // deeper groups share their parent's state.
        if (states_.size() >= kMaxDepth) {
          ++flat_depth_;
          continue;
        }
        states_.push_back(states_.back());
        group_start_ = true;
        continue;
      }
      if (c == '}') {
        ++pos_;
        if (flat_depth_ > 0) --flat_depth_;
        else if (states_.size() > 1) states_.pop_back();
        group_start_ = false;
        continue;
      }
      if (c == '\\') {
        Control();
      } else {
        ++pos_;
        if (c != '\r' && c != '\n') Text(static_cast<unsigned char>(c));
      }
      group_start_ = false;
    }
    return std::move(out_);
  }

 private:
  struct State {
    bool skip = false;  // inside a destination without document text
    int uc = 1;         // fallback characters after \uN
  };

  void Text(char32_t cp) {
    if (states_.back().skip) return;
    if (pending_fallback_ > 0) {
      --pending_fallback_;
      return;
    }
    AppendUtf8(cp, &out_);
  }

  void Control() {
    ++pos_;  // the backslash
    if (pos_ >= in_.size()) return;
    const char c = in_[pos_];
    if (!std::isalpha(static_cast<unsigned char>(c))) {
      ControlSymbol(c);
      return;
    }
    const size_t start = pos_;
    while (pos_ < in_.size() && std::isalpha(static_cast<unsigned char>(in_[pos_]))) ++pos_;
    const std::string_view word = in_.substr(start, pos_ - start);
    int param = 0;
    bool has_param = false;
    if (pos_ < in_.size() && (in_[pos_] == '-' || std::isdigit(static_cast<unsigned char>(in_[pos_])))) {
      const size_t p0 = pos_;
      ++pos_;
      while (pos_ < in_.size() && std::isdigit(static_cast<unsigned char>(in_[pos_]))) ++pos_;
      std::from_chars(in_.data() + p0, in_.data() + pos_, param);
      has_param = true;
    }
    if (pos_ < in_.size() && in_[pos_] == ' ') ++pos_;  // the delimiter space
    Word(word, has_param ? param : 1);
  }

  void ControlSymbol(char c) {
    ++pos_;
    if (c == '\'') {
      if (pos_ + 2 <= in_.size()) {
        unsigned v = 0;
        auto [p, ec] = std::from_chars(in_.data() + pos_, in_.data() + pos_ + 2, v, 16);
        if (ec == std::errc() && p == in_.data() + pos_ + 2) {
          pos_ += 2;
          Text(FromCp1252(static_cast<unsigned char>(v)));
        }
      } else {
        pos_ = in_.size();  // truncated inside the escape
      }
    } else if (c == '*') {
      // {\*\dest ...}: an optional destination this reader does not know.
      if (group_start_) states_.back().skip = true;
    } else if (c == '~') {
      Text(' ');
    } else if (c == '\\' || c == '{' || c == '}') {
      Text(static_cast<unsigned char>(c));
    } else if (c == '\n' || c == '\r') {
      Text('\n');
    }
  }

  void Word(std::string_view word, int param) {
    State& state = states_.back();
    if (IsSkippedDestination(word)) {
      state.skip = true;
    } else if (word == "par" || word == "line" || word == "row" || word == "sect" ||
               word == "page") {
      Text('\n');
    } else if (word == "tab" || word == "cell") {
      Text('\t');
    } else if (word == "uc") {
      state.uc = param;
    } else if (word == "u") {
      // Negative values are UTF-16 units written as signed 16-bit numbers.
      const char32_t cp = static_cast<char32_t>(param < 0 ? param + 65536 : param);
      if (cp < 0xD800 || cp > 0xDFFF) Text(cp);
      pending_fallback_ = state.uc;
    } else if (word == "emdash") {
      Text(0x2014);
    } else if (word == "endash") {
      Text(0x2013);
    } else if (word == "lquote" || word == "rquote") {
      Text('\'');
    }
    // Formatting words change nothing a detector needs.
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::vector<State> states_;
  bool group_start_ = false;
  int pending_fallback_ = 0;
  size_t flat_depth_ = 0;
  std::string out_;
};

}  // namespace

std::string RtfToText(std::string_view rtf) { return RtfConverter(rtf).Run(); }

Status ReadRtf(std::string_view bytes, UnitSink& sink) {
  std::string storage;
  const DecodedText decoded = DecodeToUtf8(bytes, &storage);
  const std::string text = RtfToText(decoded.text);
  return ReadText(text, sink);
}

}  // namespace breachscope
