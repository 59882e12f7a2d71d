#include "store/audit_log.h"

#include "store/json_quote.h"

#include <fcntl.h>
#include <pwd.h>
#include <sodium.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <fstream>
#include <vector>

#include "store/case_meta.h"

namespace breachscope {
namespace {

constexpr char kHeadKey[] = "audit_head";
constexpr std::string_view kMacField = ",\"mac\":\"";
const std::string kZeroMac(64, '0');

std::string LogPath(const std::string& case_dir) {
  return case_dir + "/" + kAuditLogName;
}

std::string Mac(const CaseKey::Bytes& mac_key, std::string_view prev,
                std::string_view body) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, mac_key.data(), mac_key.size(), 32);
  crypto_generichash_update(
      &state, reinterpret_cast<const unsigned char*>(prev.data()), prev.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("\n"), 1);
  crypto_generichash_update(
      &state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  unsigned char out[32];
  crypto_generichash_final(&state, out, sizeof(out));
  char hex[65];
  sodium_bin2hex(hex, sizeof(hex), out, sizeof(out));
  return hex;
}

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string UserName() {
  struct passwd pw {};
  struct passwd* found = nullptr;
  char buf[1024];
  if (getpwuid_r(geteuid(), &pw, buf, sizeof(buf), &found) == 0 && found) {
    return found->pw_name;
  }
  return "uid " + std::to_string(geteuid());
}

// The line without its mac: everything the mac covers.
std::string Body(uint64_t seq, const std::string& time, const std::string& user,
                 const AuditEvent& event, const std::string& prev) {
  std::string body = "{\"seq\":" + std::to_string(seq) + ",\"time\":" +
                     JsonQuoted(time) + ",\"user\":" + JsonQuoted(user) +
                     ",\"action\":" + JsonQuoted(event.action) +
                     ",\"detail\":" + JsonQuoted(event.detail) + ",\"counts\":{";
  bool first = true;
  for (const auto& [name, count] : event.counts) {
    if (!first) body += ',';
    first = false;
    body += JsonQuoted(name) + ":" + std::to_string(count);
  }
  return body + "},\"prev\":\"" + prev + "\"";
}

struct Entry {
  uint64_t seq = 0;
  std::string body;
  std::string mac;
};

// Splits a line into body and mac; false when it is not an audit line.
bool ParseLine(std::string_view line, Entry* entry) {
  const size_t at = line.rfind(kMacField);
  if (at == std::string_view::npos) return false;
  entry->body = std::string(line.substr(0, at));
  std::string_view tail = line.substr(at + kMacField.size());
  if (tail.size() != 64 + 2 || tail.substr(64) != "\"}") return false;
  entry->mac = std::string(tail.substr(0, 64));
  constexpr std::string_view kSeq = "{\"seq\":";
  if (entry->body.compare(0, kSeq.size(), kSeq) != 0) return false;
  const char* begin = entry->body.data() + kSeq.size();
  const char* end = entry->body.data() + entry->body.size();
  auto [ptr, ec] = std::from_chars(begin, end, entry->seq);
  return ec == std::errc() && ptr != begin;
}

// Reads every line; kCorrupt on the first that is not an audit entry.
Result<std::vector<Entry>> ReadEntries(const std::string& case_dir) {
  std::vector<Entry> entries;
  std::ifstream in(LogPath(case_dir), std::ios::binary);
  if (!in) return entries;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    Entry entry;
    if (!ParseLine(line, &entry)) {
      return Corrupt("audit.log line " + std::to_string(number) +
                     " is not an audit entry");
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The body's value of `"prev":"..."`, which must equal the previous mac.
std::string_view PrevOf(std::string_view body) {
  constexpr std::string_view kPrev = ",\"prev\":\"";
  const size_t at = body.rfind(kPrev);
  if (at == std::string_view::npos) return {};
  std::string_view rest = body.substr(at + kPrev.size());
  return rest.substr(0, rest.size() > 0 ? rest.size() - 1 : 0);
}

std::string HeadText(uint64_t seq, const std::string& mac) {
  return std::to_string(seq) + " " + mac;
}

// Holds an exclusive lock on the open log for one append.
class LockedLog {
 public:
  explicit LockedLog(const std::string& path)
      : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC,
                   0600)) {
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~LockedLog() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  int fd() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

Status AppendAudit(const std::string& case_dir, const CaseKey& key,
                   const AuditEvent& event) {
  BS_RETURN_IF_ERROR(EnsureSodium());
  LockedLog log(LogPath(case_dir));
  if (log.fd() < 0) {
    return IoError("open audit log: " + std::string(std::strerror(errno)));
  }
  Result<std::vector<Entry>> entries = ReadEntries(case_dir);
  if (!entries.ok()) return entries.status();
  const std::string prev =
      entries.value().empty() ? kZeroMac : entries.value().back().mac;
  const uint64_t seq =
      entries.value().empty() ? 1 : entries.value().back().seq + 1;
  const std::string body = Body(seq, NowUtc(), UserName(), event, prev);
  const std::string mac = Mac(key.Derive(KeyPurpose::kAudit), prev, body);
  const std::string line =
      body + std::string(kMacField) + mac + "\"}\n";
  if (::write(log.fd(), line.data(), line.size()) !=
          static_cast<ssize_t>(line.size()) ||
      ::fsync(log.fd()) != 0) {
    return IoError("write audit log: " + std::string(std::strerror(errno)));
  }
  return WriteCaseMeta(case_dir, kHeadKey, HeadText(seq, mac));
}

Result<AuditCheck> VerifyAudit(const std::string& case_dir, const CaseKey& key) {
  BS_RETURN_IF_ERROR(EnsureSodium());
  Result<std::vector<Entry>> entries = ReadEntries(case_dir);
  if (!entries.ok()) return entries.status();
  Result<std::string> head = ReadCaseMeta(case_dir, kHeadKey);
  if (!head.ok()) return head.status();
  const CaseKey::Bytes mac_key = key.Derive(KeyPurpose::kAudit);
  std::string prev = kZeroMac;
  bool head_seen = false;
  AuditCheck check;
  for (const Entry& entry : entries.value()) {
    const std::string where = "audit entry " + std::to_string(check.entries + 1);
    if (entry.seq != check.entries + 1) {
      return Corrupt(where + " has seq " + std::to_string(entry.seq) +
                     " (entries removed, inserted or reordered)");
    }
    if (PrevOf(entry.body) != prev || Mac(mac_key, prev, entry.body) != entry.mac) {
      return Corrupt(where + " fails its mac (edited, inserted, or another key)");
    }
    if (HeadText(entry.seq, entry.mac) == head.value()) head_seen = true;
    prev = entry.mac;
    ++check.entries;
    const size_t t = entry.body.find("\"time\":\"");
    if (t != std::string::npos) check.last_time = entry.body.substr(t + 8, 20);
  }
  if (head.value().empty()) {
    return Corrupt(check.entries == 0
                       ? "no audit log and no chain head in the case database"
                       : "the chain head is missing from the case database");
  }
  if (!head_seen) {
    return Corrupt("the log ends before the chain head recorded in the case "
                   "database (" + head.value().substr(0, head.value().find(' ')) +
                   " entries): entries were cut off or the file replaced");
  }
  return check;
}

Status RechainAudit(const std::string& case_dir, const CaseKey& old_key,
                    const CaseKey& new_key) {
  Result<AuditCheck> ok = VerifyAudit(case_dir, old_key);
  if (!ok.ok()) return ok.status();
  Result<std::vector<Entry>> entries = ReadEntries(case_dir);
  if (!entries.ok()) return entries.status();
  const CaseKey::Bytes mac_key = new_key.Derive(KeyPurpose::kAudit);
  std::string prev = kZeroMac, text;
  for (const Entry& entry : entries.value()) {
    // Same fields, new prev and mac.
    const size_t at = entry.body.rfind(",\"prev\":\"");
    const std::string body =
        entry.body.substr(0, at) + ",\"prev\":\"" + prev + "\"";
    const std::string mac = Mac(mac_key, prev, body);
    text += body + std::string(kMacField) + mac + "\"}\n";
    prev = mac;
  }
  const std::string tmp = LogPath(case_dir) + ".new";
  {
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return IoError("write audit log: " + std::string(std::strerror(errno)));
    const bool done = ::write(fd, text.data(), text.size()) ==
                          static_cast<ssize_t>(text.size()) &&
                      ::fsync(fd) == 0;
    ::close(fd);
    if (!done) return IoError("write audit log: " + std::string(std::strerror(errno)));
  }
  if (::rename(tmp.c_str(), LogPath(case_dir).c_str()) != 0) {
    return IoError("replace audit log: " + std::string(std::strerror(errno)));
  }
  return WriteCaseMeta(case_dir, kHeadKey,
                       HeadText(entries.value().size(), prev));
}

}  // namespace breachscope
