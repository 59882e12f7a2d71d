// Naming archive members: cleaning header paths and naming the single member
// of a compressed file. Pure functions, thread-safe.
#ifndef BREACHSCOPE_INGEST_ARCHIVE_MEMBER_NAMES_H_
#define BREACHSCOPE_INGEST_ARCHIVE_MEMBER_NAMES_H_

#include <string>
#include <string_view>

namespace breachscope {

// Cleans a path from an archive header: drops leading '/', empty and "."
// segments and a trailing '/'; keeps ".." segments as plain text (the path is
// a label, never used to touch the disk). Bytes that are not valid UTF-8 are
// kept as they are. An empty result becomes "(unnamed)".
std::string CleanMemberPath(std::string_view raw);

// Names the only member of a single-file compressed input called
// `outer_name` (which may be a nested name such as "a.zip!dir/lab.csv.gz"):
// its base name minus the compression suffix ("lab.csv.gz" -> "lab.csv",
// "notes.tgz" -> "notes.tar"). Without a known suffix, the base name plus
// ".out", so the member never has the same name as its container.
std::string CompressedMemberName(std::string_view outer_name);

// UTF-8 encoding of a wide (UTF-32) string; invalid code points become U+FFFD.
std::string WideToUtf8(std::wstring_view wide);

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_ARCHIVE_MEMBER_NAMES_H_
