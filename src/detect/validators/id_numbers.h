// Check digits and structural rules of identification numbers: health
// insurance numbers, US Social Security and Medicare numbers, payment cards.
// Sources of each rule are listed in src/detect/contract/identifiers.md.
// Pure, thread-safe; no function keeps or prints its input.
#ifndef BREACHSCOPE_DETECT_VALIDATORS_ID_NUMBERS_H_
#define BREACHSCOPE_DETECT_VALIDATORS_ID_NUMBERS_H_

#include <string>
#include <string_view>

namespace breachscope {

// Collects the digits of `text` into *digits when the text is digits split
// into groups by one separator (' ' or '-') used throughout, or by none:
// "1234 567 890" and "1234567890" pass, "1234-567 890" and "12--34" do not.
bool DigitGroups(std::string_view text, std::string* digits);

// Ontario health number: 10 digits, Luhn over all ten (the Ministry's
// "mod 10" over the first nine with the tenth as check digit).
bool OntarioHealthNumberValid(std::string_view digits);

// BC Personal Health Number: 10 digits, first 9, mod 11 over digits 2-9
// with weights 2,4,8,5,10,9,7,3; check 11 - sum % 11 (10 and 11 unused).
bool BcPhnValid(std::string_view digits);

// Quebec RAMQ number (NAM): 4 upper-case letters, then YYMMDD with 50 added
// to the month for women, then 2 digits. The date must exist (29 February
// is allowed: the century is unknown).
bool RamqValid(std::string_view compact);

// US Medicare Beneficiary Identifier: 11 characters, pattern
// C A AN N A AN N A A N N, letters excluding S L O I B Z.
bool MbiValid(std::string_view compact);

// US Social Security Number, 9 digits: area not 000, 666 or 9xx, group not
// 00, serial not 0000.
bool SsnValid(std::string_view digits);

// Issuer of a payment card number by IIN range and length, or "" when no
// known range matches: "visa" (4; 13, 16, 19), "mastercard" (51-55,
// 2221-2720; 16), "amex" (34, 37; 15), "discover" (6011, 644-649, 65;
// 16-19). Luhn is checked separately.
std::string_view CardIssuer(std::string_view digits);

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_VALIDATORS_ID_NUMBERS_H_
