// Data files compiled into the binary.
//
// Every file under the repository's data/ folder (dictionaries, code lists,
// word lists) is embedded at build time, so the tool runs offline from a
// single binary and never looks for files next to itself. Contents are
// read-only and live for the whole process; thread-safe.
#ifndef BREACHSCOPE_COMMON_EMBEDDED_DATA_H_
#define BREACHSCOPE_COMMON_EMBEDDED_DATA_H_

#include <string_view>
#include <vector>

namespace breachscope {

// The bytes of data/<relative_path> ("names/first_names.txt"), or an empty
// view when no such file was embedded.
std::string_view EmbeddedData(std::string_view relative_path);

// Relative paths of every embedded file, sorted.
std::vector<std::string_view> EmbeddedDataFiles();

// Calls visit(line) for each non-empty line of an embedded text file, with
// "\r" stripped and lines starting with '#' skipped.
template <typename Visit>
void ForEachDataLine(std::string_view relative_path, Visit visit) {
  std::string_view data = EmbeddedData(relative_path);
  while (!data.empty()) {
    size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data = end == std::string_view::npos ? std::string_view() : data.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    visit(line);
  }
}

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_EMBEDDED_DATA_H_
