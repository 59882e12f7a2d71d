#include "detect/prefilter_cache.h"

#include <hs/hs.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace breachscope {
namespace {

constexpr std::string_view kMagic = "breachscope-hsdb-1\n";

// Everything the compiled database depends on, in one string: the library
// version, then per pattern its id, flags and NUL-terminated expression.
std::string CacheKey(const std::vector<const char*>& expressions,
                     const std::vector<unsigned int>& flags,
                     const std::vector<unsigned int>& ids) {
  std::string key = hs_version();
  key.push_back('\0');
  for (size_t i = 0; i < expressions.size(); ++i) {
    key += std::to_string(ids[i]) + ':' + std::to_string(flags[i]) + ':';
    key += expressions[i];
    key.push_back('\0');
  }
  return key;
}

// FNV-1a, 64 bits: only names the file; the stored key decides.
std::string FileName(std::string_view key) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  char name[40];
  std::snprintf(name, sizeof(name), "prefilter-%016llx.hsdb",
                static_cast<unsigned long long>(h));
  return name;
}

// The database stored under `path` for exactly `key`, or nullptr.
hs_database* Load(const std::string& path, const std::string& key) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  std::string header = std::string(kMagic) + std::to_string(key.size()) + '\n';
  if (bytes.size() < header.size() + key.size() ||
      bytes.compare(0, header.size(), header) != 0 ||
      bytes.compare(header.size(), key.size(), key) != 0) {
    return nullptr;
  }
  const size_t at = header.size() + key.size();
  hs_database* db = nullptr;
  if (hs_deserialize_database(bytes.data() + at, bytes.size() - at, &db) !=
      HS_SUCCESS) {
    return nullptr;  // truncated, corrupt or for another platform
  }
  return db;
}

// Best effort: a cache that cannot be written costs only the next start.
void Store(const std::string& dir, const std::string& path,
           const std::string& key, const hs_database* db) {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
  std::string content = std::string(kMagic) + std::to_string(key.size()) +
                        '\n' + key + std::string(bytes, length);
  std::free(bytes);  // allocated by Vectorscan's default allocator
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string temp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out.write(content.data(), static_cast<std::streamsize>(content.size()))) {
      std::filesystem::remove(temp, ec);
      return;
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) std::filesystem::remove(temp, ec);
}

}  // namespace

Status CompileCached(const std::vector<const char*>& expressions,
                     const std::vector<unsigned int>& flags,
                     const std::vector<unsigned int>& ids,
                     const std::string& cache_dir,
                     const std::string& error_name, hs_database** out) {
  std::string key, path;
  if (!cache_dir.empty()) {
    key = CacheKey(expressions, flags, ids);
    path = (std::filesystem::path(cache_dir) / FileName(key)).string();
    *out = Load(path, key);
    if (*out != nullptr) return Status::Ok();
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned int>(expressions.size()),
                       HS_MODE_BLOCK, nullptr, out, &error) != HS_SUCCESS) {
    std::string message = "prefilter: " + std::string(error->message);
    if (!error_name.empty()) message += " (trigger " + error_name + ")";
    hs_free_compile_error(error);
    return Internal(message);
  }
  if (!cache_dir.empty()) Store(cache_dir, path, key, *out);
  return Status::Ok();
}

std::string DefaultPrefilterCacheDir() {
  if (const char* dir = std::getenv("BREACHSCOPE_CACHE_DIR")) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/breachscope";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/breachscope";
  }
  return {};
}

}  // namespace breachscope
