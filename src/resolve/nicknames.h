// Nicknames: which given names stand for one another (Robert, Bob, Robbie).
//
// Built once from the embedded data/names/nicknames.csv (name1 has_nickname
// name2, carltonnorthern/nicknames); immutable afterwards and safe to share
// between threads. Names are folded (lower-case ASCII).
#ifndef BREACHSCOPE_RESOLVE_NICKNAMES_H_
#define BREACHSCOPE_RESOLVE_NICKNAMES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace breachscope {

class Nicknames {
 public:
  // The table of the embedded nickname list, built on first use.
  static const Nicknames& Default();

  // Builds from "name1,has_nickname,name2" lines (a header line is skipped).
  explicit Nicknames(std::string_view csv);

  // True when one is a nickname of the other or both are nicknames of one
  // formal name (Bob and Rob, both of Robert). Equal names are not asked.
  bool Related(std::string_view a, std::string_view b) const;

  // Formal names `name` is a nickname of (sorted), or nullptr. The pointer
  // lives as long as the table: prepared names keep it to compare fast.
  const std::vector<std::string>* FormalsOf(std::string_view name) const;

  // Related() on names whose FormalsOf() is known.
  static bool Related(std::string_view a, const std::vector<std::string>* formals_a, std::string_view b,
                      const std::vector<std::string>* formals_b);

  // Formal names a name stands for, itself first; at most a few, sorted
  // after the first, so blocking keys built on them are stable.
  std::vector<std::string> Roots(std::string_view name) const;

 private:
  // name -> formal names it is a nickname of (sorted, unique).
  std::unordered_map<std::string, std::vector<std::string>> formal_of_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_NICKNAMES_H_
