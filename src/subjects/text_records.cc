// Person-records of free text: name-anchored windows.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "subjects/label_words.h"
#include "subjects/name_parts.h"
#include "subjects/record_shapes.h"

namespace breachscope {
namespace {

std::vector<std::string> NameWords(std::string_view value) {
  std::vector<std::string> words = LabelWords(DisplayName(SplitFullName(value)));
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

bool IsSubset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::string Anchor(const std::string& item, const Finding& f) {
  return item + "#offset " + std::to_string(f.location.offset);
}

}  // namespace

void TextRecords(const std::string& item, const FindingRefs& findings,
                 std::vector<PersonRecord>* out, ItemRecordStats* stats) {
  std::unique_ptr<PersonRecordBuilder> window;
  std::vector<std::string> window_words;
  std::unique_ptr<PersonRecordBuilder> related;
  for (const Finding* f : findings) {
    if (f->category == "name" && f->role == Role::kRelated) {
      if (related) Emit(*related, out, stats);
      related = std::make_unique<PersonRecordBuilder>(Anchor(item, *f) + "/related", item,
                                                      Role::kRelated);
      related->Add(*f);
      continue;
    }
    if (f->category == "name") {
      // The same person named again ("Edmon" after "Edmon Li") stays in the
      // window; anyone else starts the next one.
      std::vector<std::string> words = NameWords(f->value);
      if (!window || !(IsSubset(words, window_words) || IsSubset(window_words, words))) {
        if (window) Emit(*window, out, stats);
        window = std::make_unique<PersonRecordBuilder>(Anchor(item, *f), item, Role::kPatient);
        window_words.clear();
      }
      std::vector<std::string> merged;
      std::set_union(window_words.begin(), window_words.end(), words.begin(), words.end(),
                     std::back_inserter(merged));
      window_words = std::move(merged);
      window->Add(*f);
      continue;
    }
    if (f->role == Role::kRelated && related) {
      related->Add(*f);
    } else if (window) {
      window->Add(*f);
    } else {
      // Before the first name: a letterhead, the clinic's own details.
      ++stats->unattributed_findings;
    }
  }
  if (window) Emit(*window, out, stats);
  if (related) Emit(*related, out, stats);
}

}  // namespace breachscope
