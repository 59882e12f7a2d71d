#include "ingest/documents/html_text.h"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

#include "common/utf8.h"
#include "ingest/extract/text_reader.h"
#include "ingest/text_decoder.h"

namespace breachscope {
namespace {

// Named references worth decoding: markup, spacing and the Latin-1 letters
// of French and English names. Unknown names stay as written.
constexpr std::array<std::pair<std::string_view, char32_t>, 40> kEntities = {{
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    {"nbsp", ' '}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"rsquo", 0x2019},
    {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"hellip", 0x2026},
    {"eacute", 0xE9}, {"Eacute", 0xC9}, {"egrave", 0xE8}, {"Egrave", 0xC8},
    {"ecirc", 0xEA}, {"Ecirc", 0xCA}, {"euml", 0xEB}, {"agrave", 0xE0},
    {"Agrave", 0xC0}, {"acirc", 0xE2}, {"ccedil", 0xE7}, {"Ccedil", 0xC7},
    {"icirc", 0xEE}, {"iuml", 0xEF}, {"ocirc", 0xF4}, {"Ocirc", 0xD4},
    {"ouml", 0xF6}, {"ucirc", 0xFB}, {"ugrave", 0xF9}, {"uuml", 0xFC},
    {"Uuml", 0xDC}, {"aacute", 0xE1}, {"iacute", 0xED}, {"oacute", 0xF3},
    {"uacute", 0xFA}, {"ntilde", 0xF1}, {"szlig", 0xDF},
}};

bool IsBlockTag(std::string_view name) {
  for (std::string_view block :
       {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr",
        "section", "article", "header", "footer", "address", "title", "form",
        "fieldset", "legend", "center"}) {
    if (name == block) return true;
  }
  return false;
}

std::string LowerName(std::string_view tag) {
  size_t i = 0;
  if (i < tag.size() && tag[i] == '/') ++i;
  std::string name;
  while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) {
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i]))));
    ++i;
  }
  return name;
}

class Converter {
 public:
  explicit Converter(std::string_view html) : in_(html) {}

  std::string Run() {
    while (pos_ < in_.size()) {
      const char c = in_[pos_];
      if (c == '<') Tag();
      else if (c == '&') Reference();
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') Space();
      else Put(c);
    }
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  void Put(char c) {
    if (pending_space_ && !out_.empty() && out_.back() != '\n' && out_.back() != '\t') {
      out_.push_back(' ');
    }
    pending_space_ = false;
    out_.push_back(c);
    ++pos_;
  }
  void Space() {
    pending_space_ = true;
    ++pos_;
  }
  void Break(char c) {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    // Adjacent block ends (</p><p>) make one line break, not blank lines.
    if (out_.empty() || out_.back() == '\n' || (c == '\t' && out_.back() == '\t')) return;
    out_.push_back(c);
  }

  void Tag() {
    if (in_.substr(pos_, 4) == "<!--") {
      const size_t end = in_.find("-->", pos_ + 4);
      pos_ = end == std::string_view::npos ? in_.size() : end + 3;
      return;
    }
    const size_t end = in_.find('>', pos_ + 1);
    if (end == std::string_view::npos) {
      pos_ = in_.size();
      return;
    }
    const std::string_view tag = in_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    const std::string name = LowerName(tag);
    const bool closing = !tag.empty() && tag[0] == '/';
    if (!closing && (name == "script" || name == "style")) {
      SkipUntilClose(name);
    } else if (name == "td" || name == "th") {
      if (!closing) Break('\t');
    } else if (IsBlockTag(name)) {
      Break('\n');
    }
  }

  void SkipUntilClose(const std::string& name) {
    const std::string close = "</" + name;
    while (pos_ < in_.size()) {
      const size_t at = in_.find("</", pos_);
      if (at == std::string_view::npos) break;
      if (LowerName(in_.substr(at + 1, name.size() + 1)) == name) {
        const size_t end = in_.find('>', at);
        pos_ = end == std::string_view::npos ? in_.size() : end + 1;
        return;
      }
      pos_ = at + 2;
    }
    pos_ = in_.size();
  }

  void Reference() {
    const size_t semi = in_.find(';', pos_ + 1);
    if (semi == std::string_view::npos || semi - pos_ > 10) {
      Put('&');
      return;
    }
    const std::string_view ref = in_.substr(pos_ + 1, semi - pos_ - 1);
    char32_t cp = 0;
    if (!Decode(ref, &cp)) {
      Put('&');
      return;
    }
    pos_ = semi + 1;
    if (cp == ' ' || cp == 0xA0) {
      pending_space_ = true;
      return;
    }
    if (pending_space_ && !out_.empty() && out_.back() != '\n') out_.push_back(' ');
    pending_space_ = false;
    AppendUtf8(cp, &out_);
  }

  static bool Decode(std::string_view ref, char32_t* cp) {
    if (!ref.empty() && ref[0] == '#') {
      const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string_view digits = ref.substr(hex ? 2 : 1);
      uint32_t v = 0;
      auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, hex ? 16 : 10);
      if (ec != std::errc() || p != digits.data() + digits.size() || v == 0 || v > 0x10FFFF ||
          (v >= 0xD800 && v <= 0xDFFF)) {
        return false;
      }
      *cp = v;
      return true;
    }
    for (const auto& [name, value] : kEntities) {
      if (name == ref) {
        *cp = value;
        return true;
      }
    }
    return false;
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::string out_;
  bool pending_space_ = false;
};

}  // namespace

std::string HtmlToText(std::string_view html) { return Converter(html).Run(); }

Status ReadHtml(std::string_view bytes, UnitSink& sink) {
  std::string storage;
  const DecodedText decoded = DecodeToUtf8(bytes, &storage);
  const std::string text = HtmlToText(decoded.text);
  return ReadText(text, sink);
}

}  // namespace breachscope
