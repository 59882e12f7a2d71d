// A UnitSink for fuzz harnesses: aborts (so libFuzzer reports a crash) when
// a reader delivers a unit that breaks the TextUnit contract.
#ifndef BREACHSCOPE_FUZZ_CHECKING_SINK_H_
#define BREACHSCOPE_FUZZ_CHECKING_SINK_H_

#include <cstddef>
#include <cstdlib>

#include "common/text_unit.h"

namespace breachscope {

class CheckingSink : public UnitSink {
 public:
  // `size`: bytes of the input, which no offset may pass. `table_cells`:
  // every unit must be a non-empty cell with a row and a column.
  explicit CheckingSink(size_t size, bool table_cells = false)
      : size_(size), table_cells_(table_cells) {}

  void OnUnit(const TextUnit& unit) override {
    if (unit.offset > size_) std::abort();
    if (table_cells_ &&
        (unit.text.empty() || unit.column < 0 || unit.record < 0)) {
      std::abort();
    }
  }

 private:
  size_t size_;
  bool table_cells_;
};

}  // namespace breachscope

#endif  // BREACHSCOPE_FUZZ_CHECKING_SINK_H_
