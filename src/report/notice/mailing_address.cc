#include "report/notice/mailing_address.h"

#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "common/embedded_data.h"

namespace breachscope {
namespace {

struct RegionTables {
  std::map<std::string, std::string> province_letters;  // code -> first letters
  std::map<std::string, std::string> province_by_name;  // "saskatchewan" -> "SK"
  std::map<std::string, std::string> state_by_name;     // "north dakota" -> "ND"
};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

const RegionTables& Tables() {
  static const RegionTables tables = [] {
    RegionTables t;
    ForEachDataLine("address/provinces_ca.txt", [&](std::string_view line) {
      std::vector<std::string_view> f = Split(line, '|');
      if (f.size() < 4) return;
      t.province_letters[std::string(f[0])] = std::string(f[3]);
      t.province_by_name[std::string(f[1])] = std::string(f[0]);
      t.province_by_name[std::string(f[2])] = std::string(f[0]);
    });
    ForEachDataLine("address/states_us.txt", [&](std::string_view line) {
      std::vector<std::string_view> f = Split(line, '|');
      if (f.size() >= 2) t.state_by_name[std::string(f[1])] = std::string(f[0]);
    });
    return t;
  }();
  return tables;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "S4P3Y2" / "s4p 3y2" -> "S4P 3Y2"; "" when not that shape.
std::string CanadianPostalCode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (compact.size() != 6) return "";
  for (int i = 0; i < 6; ++i) {
    const bool letter = i % 2 == 0;
    const unsigned char c = static_cast<unsigned char>(compact[i]);
    if (letter ? !std::isalpha(c) : !std::isdigit(c)) return "";
  }
  return compact.substr(0, 3) + " " + compact.substr(3);
}

bool IsUsZip(std::string_view text) {
  if (text.size() != 5 && text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 5 ? text[i] != '-' : !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// A region token: a two-letter code or a full name, in either country.
std::optional<std::pair<std::string, std::string>> Region(std::string_view token) {
  const RegionTables& t = Tables();
  std::string upper = Upper(Trim(token));
  if (t.province_letters.count(upper)) return std::make_pair(upper, std::string("CA"));
  std::string lower = Lower(Trim(token));
  if (auto it = t.province_by_name.find(lower); it != t.province_by_name.end()) {
    return std::make_pair(it->second, std::string("CA"));
  }
  for (const auto& [name, code] : t.state_by_name) {
    if (code == upper || name == lower) return std::make_pair(code, std::string("US"));
  }
  return std::nullopt;
}

// Reads "<city> <region> <postal>" from the end of the line's words; the
// words before the city's comma are the street. Fills `out` and returns true
// when region and postal code agree.
bool ReadTail(const std::vector<std::string>& commas, MailingAddress* out) {
  std::string tail = commas.back();
  std::vector<std::string_view> words;
  for (std::string_view w : Split(tail, ' ')) if (!w.empty()) words.push_back(w);
  if (words.empty()) return false;
  // Postal code: last word (US ZIP, or one-word CA code) or last two words (CA).
  size_t used = 0;
  if (words.size() >= 2 && !CanadianPostalCode(std::string(words[words.size() - 2]) + std::string(words.back())).empty()) {
    out->postal_code = CanadianPostalCode(std::string(words[words.size() - 2]) + std::string(words.back()));
    out->country = "CA";
    used = 2;
  } else if (!CanadianPostalCode(words.back()).empty()) {
    out->postal_code = CanadianPostalCode(words.back());
    out->country = "CA";
    used = 1;
  } else if (IsUsZip(words.back())) {
    out->postal_code = std::string(words.back());
    out->country = "US";
    used = 1;
  } else {
    return false;
  }
  words.resize(words.size() - used);
  // Region: the longest run of trailing words that names one ("British Columbia").
  for (size_t n = std::min<size_t>(3, words.size()); n >= 1; --n) {
    std::string candidate;
    for (size_t i = words.size() - n; i < words.size(); ++i) candidate += (candidate.empty() ? "" : " ") + std::string(words[i]);
    if (auto region = Region(candidate); region && region->second == out->country) {
      out->region = region->first;
      words.resize(words.size() - n);
      break;
    }
  }
  if (out->region.empty()) return false;
  if (out->country == "CA" && ProvinceOfPostalCode(out->postal_code) != out->region) return false;
  std::string city;
  for (std::string_view w : words) city += (city.empty() ? "" : " ") + std::string(w);
  out->city = city;
  return true;
}

// Street type words (canonical forms and abbreviations of three letters or
// more) that French street names use and English ones do not.
const std::set<std::string>& FrenchOnlyStreetTypes() {
  static const std::set<std::string> words = [] {
    std::set<std::string> english, french;
    auto read = [](const char* file, std::set<std::string>* into) {
      ForEachDataLine(file, [&](std::string_view line) {
        for (std::string_view w : Split(line, '|')) {
          if (w.size() >= 3 && w.find(' ') == std::string_view::npos) into->insert(std::string(w));
        }
      });
    };
    read("address/street_types_en.txt", &english);
    read("address/street_types_fr.txt", &french);
    std::set<std::string> only;
    for (const std::string& w : french) {
      if (!english.count(w)) only.insert(w);
    }
    return only;
  }();
  return words;
}

}  // namespace

bool WrittenInFrench(const MailingAddress& address) {
  for (std::string_view w : Split(address.street, ' ')) {
    if (FrenchOnlyStreetTypes().count(Lower(std::string(w)))) return true;
  }
  return false;
}

std::string ProvinceOfPostalCode(std::string_view postal_code) {
  std::string code = CanadianPostalCode(postal_code);
  if (code.empty()) return "";
  // Nunavut shares X with the Northwest Territories: X0A-X0C are Nunavut.
  if (code[0] == 'X') return code.compare(0, 3, "X0A") >= 0 && code.compare(0, 3, "X0C") <= 0 ? "NU" : "NT";
  for (const auto& [province, letters] : Tables().province_letters) {
    if (province != "NU" && letters.find(code[0]) != std::string::npos) return province;
  }
  return "";
}

std::optional<MailingAddress> ParseMailingAddress(std::string_view line) {
  std::vector<std::string> parts;
  for (std::string_view p : Split(line, ',')) {
    std::string t = Trim(p);
    if (!t.empty()) parts.push_back(t);
  }
  if (parts.size() < 2) return std::nullopt;
  MailingAddress out;
  // "Regina, SK S4P 3Y2" or "Regina SK S4P 3Y2": join the last two parts
  // when the last holds no city.
  std::vector<std::string> tail_parts = parts;
  if (!ReadTail(tail_parts, &out)) return std::nullopt;
  size_t street_parts = parts.size() - 1;
  if (out.city.empty() && parts.size() >= 3) {
    out.city = parts[parts.size() - 2];
    street_parts = parts.size() - 2;
  }
  std::string street;
  for (size_t i = 0; i < street_parts; ++i) street += (street.empty() ? "" : ", ") + parts[i];
  if (street.empty() || out.city.empty()) return std::nullopt;
  out.street = street;
  return out;
}

std::string JurisdictionOf(const AffectedPerson& person) {
  for (const std::string& line : person.addresses) {
    if (std::optional<MailingAddress> a = ParseMailingAddress(line)) {
      return a->country == "US" ? "US-" + a->region : a->region;
    }
  }
  for (const HealthNumberRef& h : person.health_numbers) {
    if (!h.jurisdiction.empty()) return h.jurisdiction;
  }
  return "";
}

std::string CountryOf(std::string_view jurisdiction) {
  if (jurisdiction.starts_with("US")) return "US";
  if (jurisdiction.size() == 2 && Tables().province_letters.count(std::string(jurisdiction))) return "CA";
  return "";
}

}  // namespace breachscope
