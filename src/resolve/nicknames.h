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
  // What the list says of one name.
  struct Entry {
    std::vector<std::string> formals;  // names it is a nickname of, sorted
    bool is_formal = false;            // it has nicknames of its own
  };

  // The table of the embedded nickname list, built on first use.
  static const Nicknames& Default();

  // Builds from "name1,has_nickname,name2" lines (a header line is skipped).
  explicit Nicknames(std::string_view csv);

  // True when one is a nickname of the other, or both are only nicknames
  // (never formal names themselves) of one formal name: Rob and Robbie of
  // Robert. The list is loose (Bill is given as a formal name of both Robert
  // and William), so two formal names never relate through a third. Equal
  // names are not asked.
  bool Related(std::string_view a, std::string_view b) const;

  // The list's entry for `name`, or nullptr. The pointer lives as long as
  // the table: prepared names keep it to compare fast.
  const Entry* Find(std::string_view name) const;

  // Related() on names whose Find() is known.
  static bool Related(std::string_view a, const Entry* entry_a, std::string_view b, const Entry* entry_b);

  // Formal names a name stands for, itself first; at most a few, sorted
  // after the first, so blocking keys built on them are stable.
  std::vector<std::string> Roots(std::string_view name) const;

 private:
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_RESOLVE_NICKNAMES_H_
