// Pieces of a postal address in free text, read from tokens: the place
// part that follows a street line (unit, city, province or state, postal
// code or ZIP) and rural forms (RR 2, PO Box 123, C.P. 45, Site 5 Comp 12).
// Used by AddressTextAnalyzer; each reader returns the index of the first
// token it did not use, or `from` when nothing matched.
#ifndef BREACHSCOPE_DETECT_TEXT_ADDRESS_PARTS_H_
#define BREACHSCOPE_DETECT_TEXT_ADDRESS_PARTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "detect/text/text_tokens.h"

namespace breachscope::text {

struct AddressTail {
  std::string unit;      // "Apt 4"
  std::string city;      // as written, single spaces
  std::string region;    // "SK", "NY"
  std::string postal;    // "S4P 3Y2", "90210"
  bool postal_mismatch = false;  // postal letter does not fit the province
  int end = 0;           // first token after the tail
};

class AddressReader {
 public:
  AddressReader(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  // Unit designator and number: "Apt 4", "Unit 12B", "#4", "app. 3".
  int ReadUnit(int from, std::string* unit) const;
  // City, province/state, postal code after a street or rural line, each
  // optional, separated by commas, spaces or one line break.
  AddressTail ReadTail(int from) const;
  // RR 2, R.R. 2, PO Box 123, P.O. Box 123, C.P. 45, Site 5 Comp 12, Box 45
  // (chained). `strong` is false for a lone "Box N".
  int ReadRural(int from, std::string* normalized, bool* strong) const;

  int size() const { return static_cast<int>(tokens_.size()); }
  const Token& at(int i) const { return tokens_[i]; }
  std::string_view Text(int i) const { return TokenText(text_, tokens_[i]); }
  bool Punct(int i, char c) const { return i < size() && IsPunct(text_, tokens_[i], c); }
  // Next token index after optional "," and at most `breaks` line breaks;
  // -1 when the gap holds anything else.
  int SkipSeparator(int i, int breaks = 1) const;

 private:
  int ReadCity(int from, std::string* city) const;
  int ReadRegion(int from, std::string* code) const;
  int ReadPostal(int from, std::string* postal) const;
  int ReadNumberAfterWords(int from, const std::vector<std::string_view>& words,
                           std::string* number) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
};

}  // namespace breachscope::text

#endif  // BREACHSCOPE_DETECT_TEXT_ADDRESS_PARTS_H_
