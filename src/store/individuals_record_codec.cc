#include "store/individuals_record_codec.h"

#include <cstdint>
#include <vector>

namespace breachscope {
namespace {

constexpr char kVersion = 1;

void PutCount(uint32_t n, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((n >> (8 * i)) & 0xff));
}

void PutString(std::string_view s, std::string* out) {
  PutCount(static_cast<uint32_t>(s.size()), out);
  out->append(s);
}

void PutList(const std::vector<std::string>& list, std::string* out) {
  PutCount(static_cast<uint32_t>(list.size()), out);
  for (const std::string& s : list) PutString(s, out);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == bytes_.size(); }

  uint32_t Count() {
    if (bytes_.size() - pos_ < 4) return Fail();
    uint32_t n = 0;
    for (int i = 0; i < 4; ++i) {
      n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes_[pos_ + i])) << (8 * i);
    }
    pos_ += 4;
    return n;
  }
  std::string String() {
    const uint32_t n = Count();
    if (!ok_ || bytes_.size() - pos_ < n) return Fail(), std::string();
    std::string s(bytes_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::vector<std::string> List() {
    std::vector<std::string> list;
    const uint32_t n = Count();
    for (uint32_t i = 0; ok_ && i < n; ++i) list.push_back(String());
    return list;
  }
  char Byte() {
    if (pos_ >= bytes_.size()) return Fail(), 0;
    return bytes_[pos_++];
  }

 private:
  uint32_t Fail() {
    ok_ = false;
    pos_ = bytes_.size();
    return 0;
  }
  std::string_view bytes_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string EncodePersonRecordPhi(const PersonRecord& r) {
  std::string out(1, kVersion);
  PutCount(static_cast<uint32_t>(r.names.size()), &out);
  for (const PersonName& n : r.names) {
    for (const std::string* part : {&n.given, &n.middle, &n.family, &n.suffix, &n.full}) {
      PutString(*part, &out);
    }
  }
  PutList(r.dates_of_birth, &out);
  PutString(r.sex, &out);
  PutCount(static_cast<uint32_t>(r.health_numbers.size()), &out);
  for (const HealthNumber& h : r.health_numbers) {
    PutString(h.jurisdiction, &out);
    PutString(h.number, &out);
    out.push_back(h.check_digit_valid ? 1 : 0);
  }
  PutList(r.record_numbers, &out);
  PutList(r.emails, &out);
  PutList(r.phones, &out);
  PutList(r.addresses, &out);
  PutList(r.postal_codes, &out);
  return out;
}

Status DecodePersonRecordPhi(std::string_view bytes, PersonRecord* r) {
  Reader in(bytes);
  if (in.Byte() != kVersion) return Corrupt("person-record: unknown encoding version");
  const uint32_t names = in.Count();
  for (uint32_t i = 0; in.ok() && i < names; ++i) {
    PersonName n;
    for (std::string* part : {&n.given, &n.middle, &n.family, &n.suffix, &n.full}) {
      *part = in.String();
    }
    r->names.push_back(std::move(n));
  }
  r->dates_of_birth = in.List();
  r->sex = in.String();
  const uint32_t numbers = in.Count();
  for (uint32_t i = 0; in.ok() && i < numbers; ++i) {
    HealthNumber h;
    h.jurisdiction = in.String();
    h.number = in.String();
    h.check_digit_valid = in.Byte() == 1;
    r->health_numbers.push_back(std::move(h));
  }
  r->record_numbers = in.List();
  r->emails = in.List();
  r->phones = in.List();
  r->addresses = in.List();
  r->postal_codes = in.List();
  if (!in.ok() || !in.done()) return Corrupt("person-record: truncated or malformed");
  return {};
}

}  // namespace breachscope
