// Compiled Vectorscan databases kept on disk between runs.
//
// Compiling every trigger of every detector takes about a second and a half
// at each start, longer than scanning a small folder. A compiled database is
// a pure function of its expressions, flags and ids and of the Vectorscan
// version, so it is serialized into a cache directory under a file named by
// a hash of exactly that, and the full key is stored in the file too: a file
// is used only when its key equals the one asked for byte for byte, so a
// changed pattern, flag or library version compiles afresh. Any failure to
// read, check or write the cache falls back to compiling; the cache can
// only make start-up faster, never change what is found.
//
// Files are written to a temporary name and renamed, so concurrent runs
// sharing a directory never read a half-written database.
#ifndef BREACHSCOPE_DETECT_PREFILTER_CACHE_H_
#define BREACHSCOPE_DETECT_PREFILTER_CACHE_H_

#include <string>
#include <vector>

#include "common/status.h"

struct hs_database;

namespace breachscope {

// hs_compile_multi in block mode, through the cache in `cache_dir` (empty:
// no cache). On success *out owns a database the caller frees with
// hs_free_database. `error_name` names the trigger in compile errors.
Status CompileCached(const std::vector<const char*>& expressions,
                     const std::vector<unsigned int>& flags,
                     const std::vector<unsigned int>& ids,
                     const std::string& cache_dir,
                     const std::string& error_name, hs_database** out);

// Where the cache lives when the user says nothing: $BREACHSCOPE_CACHE_DIR
// if set (an empty value turns the cache off), else
// $XDG_CACHE_HOME/breachscope, else $HOME/.cache/breachscope, else none.
std::string DefaultPrefilterCacheDir();

}  // namespace breachscope

#endif  // BREACHSCOPE_DETECT_PREFILTER_CACHE_H_
