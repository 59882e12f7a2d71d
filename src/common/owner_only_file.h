// Files that hold PHI in plain text (exports, letters, decrypted files) are
// created owner-only (0600) before the first byte goes in, whatever the
// umask, and an existing file's looser mode is tightened too.
#ifndef BREACHSCOPE_COMMON_OWNER_ONLY_FILE_H_
#define BREACHSCOPE_COMMON_OWNER_ONLY_FILE_H_

#include <string>

#include "common/status.h"

namespace breachscope {

// Creates or truncates `path` with mode 0600; callers then open it to write.
Status CreateOwnerOnly(const std::string& path);
// Creates or replaces `path` with mode 0600 holding `content`.
Status WriteOwnerOnly(const std::string& path, const std::string& content);

}  // namespace breachscope

#endif  // BREACHSCOPE_COMMON_OWNER_ONLY_FILE_H_
