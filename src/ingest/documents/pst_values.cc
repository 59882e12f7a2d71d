#include "ingest/documents/pst_values.h"

#include <cstring>
#include <ctime>

namespace breachscope::pst {
namespace {

struct RecordEntryFree {
  void operator()(libpff_record_entry_t* entry) const { libpff_record_entry_free(&entry, nullptr); }
};
using RecordEntry = std::unique_ptr<libpff_record_entry_t, RecordEntryFree>;

RecordEntry EntryOf(libpff_record_set_t* set, uint32_t type) {
  PffError error;
  libpff_record_entry_t* entry = nullptr;
  if (set == nullptr ||
      libpff_record_set_get_entry_by_type(set, type, 0, &entry,
                                          LIBPFF_ENTRY_VALUE_FLAG_MATCH_ANY_VALUE_TYPE,
                                          error.out()) != 1) {
    return nullptr;
  }
  return RecordEntry(entry);
}

bool IsSmtp(const std::optional<std::string>& address) {
  return address && !address->empty() && address->front() != '/';
}

}  // namespace

// The innermost reason, without the call chain of function names.
std::string PffError::Message() const {
  if (error_ == nullptr) return "unknown libpff error";
  char text[1024] = {};
  if (libpff_error_sprint(error_, text, sizeof(text)) < 0) return "unknown libpff error";
  std::string message(text);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (size_t nl = message.rfind('\n'); nl != std::string::npos) message.erase(0, nl + 1);
  if (size_t colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
  return message;
}

std::string Trimmed(std::string text) {
  text.resize(strnlen(text.data(), text.size()));
  return text;
}

RecordSet RowOf(libpff_item_t* item, int row) {
  PffError error;
  libpff_record_set_t* set = nullptr;
  if (libpff_item_get_record_set_by_index(item, row, &set, error.out()) != 1) return nullptr;
  return RecordSet(set);
}

std::optional<std::string> RowString(libpff_record_set_t* set, uint32_t type) {
  RecordEntry entry = EntryOf(set, type);
  if (entry == nullptr) return std::nullopt;
  PffError error;
  size_t size = 0;
  if (libpff_record_entry_get_data_as_utf8_string_size(entry.get(), &size, error.out()) != 1 ||
      size == 0) {
    return std::nullopt;
  }
  std::string text(size, '\0');
  if (libpff_record_entry_get_data_as_utf8_string(
          entry.get(), reinterpret_cast<uint8_t*>(text.data()), size, error.out()) != 1) {
    return std::nullopt;
  }
  return Trimmed(std::move(text));
}

std::optional<uint32_t> RowInt32(libpff_record_set_t* set, uint32_t type) {
  RecordEntry entry = EntryOf(set, type);
  PffError error;
  uint32_t value = 0;
  if (entry == nullptr ||
      libpff_record_entry_get_data_as_32bit_integer(entry.get(), &value, error.out()) != 1) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> ItemString(libpff_item_t* item, uint32_t type) {
  RecordSet set = RowOf(item, 0);
  return RowString(set.get(), type);
}

std::optional<std::string> MessageString(libpff_item_t* message, uint32_t type) {
  PffError error;
  size_t size = 0;
  if (libpff_message_get_entry_value_utf8_string_size(message, type, &size, error.out()) != 1 ||
      size == 0) {
    return std::nullopt;
  }
  std::string text(size, '\0');
  if (libpff_message_get_entry_value_utf8_string(
          message, type, reinterpret_cast<uint8_t*>(text.data()), size, error.out()) != 1) {
    return std::nullopt;
  }
  return Trimmed(std::move(text));
}

std::optional<std::string> FirstSmtp(std::initializer_list<std::optional<std::string>> candidates) {
  for (const auto& candidate : candidates) {
    if (IsSmtp(candidate)) return candidate;
  }
  return std::nullopt;
}

std::string IsoTime(uint64_t filetime) {
  constexpr uint64_t kUnixEpoch = 116444736000000000ull;
  if (filetime < kUnixEpoch) return "";
  const time_t seconds = static_cast<time_t>((filetime - kUnixEpoch) / 10000000ull);
  struct tm utc {};
  if (gmtime_r(&seconds, &utc) == nullptr || utc.tm_year + 1900 > 9999) return "";
  char text[32];
  strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::optional<std::string> Body(libpff_item_t* message, BodySizeFn size_fn, BodyGetFn get_fn) {
  PffError error;
  size_t size = 0;
  if (size_fn(message, &size, error.out()) != 1 || size == 0) return std::nullopt;
  std::string text(size, '\0');
  if (get_fn(message, reinterpret_cast<uint8_t*>(text.data()), size, error.out()) != 1) {
    return std::nullopt;
  }
  text = Trimmed(std::move(text));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return text;
}

std::string PathPart(std::string name) {
  for (char& c : name) {
    if (c == '/' || c == '\\' || c == '!') c = '_';
  }
  return name;
}

}  // namespace breachscope::pst
