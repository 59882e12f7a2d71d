// Status and Result<T>: expected failures as values.
//
// A Status is either OK or a code plus a message a user can act on
// ("encrypted archive member", "CSV row 12: unterminated quote"). Library
// exceptions are caught at the adapter and turned into a Status; exceptions
// never cross a stage boundary. Both types are cheap to move and safe to copy.
#ifndef BREACHSCOPE_COMMON_STATUS_H_
#define BREACHSCOPE_COMMON_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace breachscope {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something meaningless
  kNotFound,         // file, case or row absent
  kIoError,          // the OS refused (permission, vanished file, disk full)
  kCorrupt,          // input is malformed beyond what we can read
  kUnsupported,      // a format or feature we do not read
  kEncrypted,        // input needs a password we do not have
  kLimitExceeded,    // depth, size, ratio or total-bytes limit hit
  kInternal,         // a bug: should never happen
};

// Stable lower-case name of a code, used as the error reason in the store.
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: CSV row 12: unterminated quote"; "ok" when ok().
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
inline Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status Encrypted(std::string m) { return {StatusCode::kEncrypted, std::move(m)}; }
inline Status LimitExceeded(std::string m) { return {StatusCode::kLimitExceeded, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or the Status that explains its absence.
// REQUIRES: value() only when ok(); status() is Ok when ok().
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace breachscope

#define BS_RETURN_IF_ERROR(expr)            \
  do {                                      \
    ::breachscope::Status _st = (expr);     \
    if (!_st.ok()) return _st;              \
  } while (0)

#endif  // BREACHSCOPE_COMMON_STATUS_H_
