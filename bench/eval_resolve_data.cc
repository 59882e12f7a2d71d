#include "eval_resolve_data.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace breachscope {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool ReadLines(const std::string& path, std::vector<std::vector<std::string>>* rows, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells = SplitCsvLine(line);
    for (std::string& c : cells) c = Trim(c);
    rows->push_back(std::move(cells));
  }
  return !rows->empty();
}

// Column index by header name; -1 when absent.
int Column(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Cell(const std::vector<std::string>& row, int column) {
  return column >= 0 && column < static_cast<int>(row.size()) ? row[column] : std::string();
}

int MonthOf(std::string word) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i) {
    if (word.rfind(kMonths[i], 0) == 0) return i + 1;
  }
  return 0;
}

int FullYear(int year, size_t digits) {
  if (digits > 2) return year;
  return year <= 25 ? 2000 + year : 1900 + year;  // the sets' two-digit years
}

std::string Iso(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2100) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Splits on any of `separators`, dropping empties.
std::vector<std::string> Parts(const std::string& text, const std::string& separators) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (separators.find(c) != std::string::npos) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string UsAddress(const std::string& line1, const std::string& city, const std::string& state) {
  std::string out = line1;
  for (const std::string& part : {city, state}) {
    if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
  }
  return out;
}

// "Maria Sentosa<msentosa@fmail.com>" -> "msentosa@fmail.com".
std::string EmailOf(const std::string& text) {
  size_t lt = text.find('<'), gt = text.find('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return text.substr(lt + 1, gt - lt - 1);
  return text;
}

}  // namespace

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else {
      cells.back().push_back(c);
    }
  }
  return cells;
}

std::string ToIsoDate(const std::string& raw) {
  std::string text = Trim(raw);
  if (AllDigits(text) && text.size() == 8) {
    return Iso(std::stoi(text.substr(0, 4)), std::stoi(text.substr(4, 2)), std::stoi(text.substr(6, 2)));
  }
  std::vector<std::string> p = Parts(text, "/- ,");
  if (p.size() != 3) return "";
  if (AllDigits(p[0]) && AllDigits(p[1]) && AllDigits(p[2])) {
    int a = std::stoi(p[0]), b = std::stoi(p[1]), c = std::stoi(p[2]);
    if (p[0].size() == 4) return Iso(a, b, c);
    int year = FullYear(c, p[2].size());
    return a > 12 ? Iso(year, b, a) : Iso(year, a, b);
  }
  if (MonthOf(p[1]) && AllDigits(p[0]) && AllDigits(p[2])) {  // 24-May-11
    return Iso(FullYear(std::stoi(p[2]), p[2].size()), MonthOf(p[1]), std::stoi(p[0]));
  }
  if (MonthOf(p[0]) && AllDigits(p[1]) && AllDigits(p[2])) {  // Mar 1 1970
    return Iso(FullYear(std::stoi(p[2]), p[2].size()), MonthOf(p[0]), std::stoi(p[1]));
  }
  return "";
}

LabelledRecords LoadFebrl(const std::string& csv_path, const std::string& name) {
  LabelledRecords out;
  out.name = name;
  std::vector<std::vector<std::string>> rows;
  if (!ReadLines(csv_path, &rows, &out.error)) return out;
  const auto& h = rows[0];
  int id = Column(h, "rec_id"), given = Column(h, "given_name"), surname = Column(h, "surname"),
      number = Column(h, "street_number"), addr1 = Column(h, "address_1"), addr2 = Column(h, "address_2"),
      suburb = Column(h, "suburb"), postcode = Column(h, "postcode"), state = Column(h, "state"),
      dob = Column(h, "date_of_birth"), ssn = Column(h, "soc_sec_id");
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    PersonRecord rec;
    rec.key = Cell(row, id);
    rec.source = name;
    rec.names.push_back({Cell(row, given), "", Cell(row, surname), "", ""});
    std::string iso = ToIsoDate(Cell(row, dob));
    if (!iso.empty()) rec.dates_of_birth.push_back(iso);
    if (!Cell(row, ssn).empty()) rec.health_numbers.push_back({"", Cell(row, ssn), false});
    std::string address = Cell(row, number) + " " + Cell(row, addr1) + ", " + Cell(row, addr2) + ", " +
                          Cell(row, suburb) + " " + Cell(row, state);
    rec.addresses.push_back(address);
    if (!Cell(row, postcode).empty()) rec.postal_codes.push_back(Cell(row, postcode));
    // rec-N-org and rec-N-dup-K: the entity is N.
    std::vector<std::string> parts = Parts(rec.key, "-");
    out.truth.push_back(parts.size() > 1 ? parts[1] : rec.key);
    out.records.push_back(std::move(rec));
  }
  return out;
}

LabelledRecords LoadSplinkFake(const std::string& csv_path) {
  LabelledRecords out;
  out.name = "splink fake_1000";
  std::vector<std::vector<std::string>> rows;
  if (!ReadLines(csv_path, &rows, &out.error)) return out;
  const auto& h = rows[0];
  int id = Column(h, "unique_id"), first = Column(h, "first_name"), surname = Column(h, "surname"),
      dob = Column(h, "dob"), city = Column(h, "city"), email = Column(h, "email"),
      cluster = Column(h, "cluster");
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    PersonRecord rec;
    rec.key = Cell(row, id);
    rec.source = out.name;
    rec.names.push_back({Cell(row, first), "", Cell(row, surname), "", ""});
    std::string iso = ToIsoDate(Cell(row, dob));
    if (!iso.empty()) rec.dates_of_birth.push_back(iso);
    if (!Cell(row, city).empty()) rec.addresses.push_back(Cell(row, city));
    if (!Cell(row, email).empty()) rec.emails.push_back(Cell(row, email));
    out.truth.push_back(Cell(row, cluster));
    out.records.push_back(std::move(rec));
  }
  return out;
}

namespace {

void AddSenzingFile(const std::string& path, const std::map<std::string, std::string>& truth,
                    LabelledRecords* out) {
  std::vector<std::vector<std::string>> rows;
  if (!ReadLines(path, &rows, &out->error)) return;
  const auto& h = rows[0];
  auto col = [&](const char* name) { return Column(h, name); };
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto cell = [&](const char* name) { return Cell(row, col(name)); };
    PersonRecord rec;
    rec.key = cell("DATA_SOURCE") + ":" + cell("RECORD_ID");
    rec.source = cell("DATA_SOURCE");
    if (!cell("PRIMARY_NAME_LAST").empty() || !cell("PRIMARY_NAME_FIRST").empty()) {
      rec.names.push_back({cell("PRIMARY_NAME_FIRST"), cell("PRIMARY_NAME_MIDDLE"), cell("PRIMARY_NAME_LAST"), "", ""});
    }
    for (const char* full : {"PRIMARY_NAME_FULL", "PRIMARY_NAME_ORG", "NATIVE_NAME_FULL"}) {
      if (!cell(full).empty()) rec.names.push_back({"", "", "", "", cell(full)});
    }
    std::string iso = ToIsoDate(cell("DATE_OF_BIRTH"));
    if (!iso.empty()) rec.dates_of_birth.push_back(iso);
    std::string gender = cell("GENDER");
    if (!gender.empty() && (gender[0] == 'M' || gender[0] == 'F')) rec.sex = gender.substr(0, 1);
    if (!cell("SSN_NUMBER").empty()) rec.health_numbers.push_back({"", cell("SSN_NUMBER"), false});
    if (!cell("DRIVERS_LICENSE_NUMBER").empty()) rec.record_numbers.push_back("dl:" + cell("DRIVERS_LICENSE_NUMBER"));
    if (!cell("PASSPORT_NUMBER").empty()) rec.record_numbers.push_back("passport:" + cell("PASSPORT_NUMBER"));
    if (!cell("NATIONAL_ID_NUMBER").empty()) rec.record_numbers.push_back("national:" + cell("NATIONAL_ID_NUMBER"));
    if (!cell("EMAIL_ADDRESS").empty()) rec.emails.push_back(EmailOf(cell("EMAIL_ADDRESS")));
    if (!cell("PHONE_NUMBER").empty()) rec.phones.push_back(cell("PHONE_NUMBER"));
    std::string address = cell("ADDR_FULL");
    if (address.empty()) address = UsAddress(cell("ADDR_LINE1"), cell("ADDR_CITY"), cell("ADDR_STATE"));
    if (!address.empty()) rec.addresses.push_back(address);
    std::string postal = cell("ADDR_POSTAL_CODE");
    if (!postal.empty()) rec.postal_codes.push_back(AllDigits(postal) ? postal.substr(0, 5) : postal);
    auto t = truth.find(rec.key);
    if (t == truth.end()) continue;  // not in the truth key: not scored
    out->truth.push_back(t->second);
    out->records.push_back(std::move(rec));
  }
}

}  // namespace

LabelledRecords LoadSenzing(const std::string& folder) {
  LabelledRecords out;
  out.name = "senzing truth set";
  std::vector<std::vector<std::string>> key_rows;
  if (!ReadLines(folder + "/actual_truthset_key.csv", &key_rows, &out.error)) return out;
  std::map<std::string, std::string> truth;
  int cluster = Column(key_rows[0], "CLUSTER_ID"), source = Column(key_rows[0], "DATA_SOURCE"),
      record = Column(key_rows[0], "RECORD_ID");
  for (size_t r = 1; r < key_rows.size(); ++r) {
    truth[Cell(key_rows[r], source) + ":" + Cell(key_rows[r], record)] = Cell(key_rows[r], cluster);
  }
  for (const char* file : {"customers.csv", "reference.csv", "watchlist.csv"}) {
    AddSenzingFile(folder + "/" + file, truth, &out);
  }
  return out;
}

}  // namespace breachscope
