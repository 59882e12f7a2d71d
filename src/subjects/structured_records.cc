// Person-records of tables, HL7 messages and JSON/XML records.
#include <algorithm>
#include <map>
#include <memory>
#include <tuple>
#include <utility>

#include "common/record_link.h"
#include "subjects/label_words.h"
#include "subjects/record_shapes.h"

namespace breachscope {
namespace {

struct Group {
  std::string table;
  int64_t record = -1;
  FindingRefs findings;
};

// Groups by (table, record) in order of first appearance.
std::vector<Group> GroupByRecord(const FindingRefs& findings) {
  std::vector<Group> groups;
  std::map<std::pair<std::string, int64_t>, size_t> index;
  for (const Finding* f : findings) {
    auto key = std::make_pair(f->location.table, f->location.record);
    auto [it, added] = index.emplace(key, groups.size());
    if (added) groups.push_back(Group{key.first, key.second, {}});
    groups[it->second].findings.push_back(f);
  }
  return groups;
}

std::string FirstWord(std::string_view label) {
  std::vector<std::string> words = LabelWords(label);
  return words.empty() ? std::string() : words[0];
}

bool IsRelatedSegment(std::string_view segment) {
  return segment == "NK1" || segment == "GT1" || segment == "IN1" || segment == "IN2";
}

bool NamesSomeone(const Finding& f) {
  if (f.role == Role::kRelated) return false;
  return f.category == "name" || f.category == "health_insurance_number" ||
         f.category == "medical_record_number" || f.category == "patient_number" ||
         f.category == "email";
}

// The part of a related person's path that holds all of that person:
// "entry[0].resource.contact[0].name.text" -> "entry[0].resource.contact[0]".
std::string RelatedRoot(const Location& location) {
  const std::string& path = location.path;
  size_t cut = path.rfind(".name");
  if (cut == std::string::npos) cut = path.rfind("/name");
  if (cut == std::string::npos) return PartGroupOf(location);
  return path.substr(0, cut);
}

bool Under(const std::string& path, const std::string& root) {
  if (root.empty() || path.size() <= root.size() || path.compare(0, root.size(), root) != 0) {
    return false;
  }
  const char next = path[root.size()];
  return next == '.' || next == '/' || next == '[';
}

std::string RecordAnchor(const Group& group) {
  if (group.record < 0) return "document";
  return "record " + std::to_string(group.record + 1);
}

std::string RecordNumberOf(const Finding& f) {
  if (f.category != "medical_record_number" && f.category != "patient_number") return "";
  return f.category + ":" + (f.normalized.empty() ? f.value : f.normalized);
}

// Rows of a dump's child tables (visits, lab results) name their patient
// only by a record number; that number is a key into the patient table of
// the same item, so such a row joins the first row that names someone and
// holds the same number. Rows that name someone never join.
std::vector<Group> JoinRowsByRecordNumber(std::vector<Group> rows) {
  std::map<std::string, size_t> named_by_number;
  std::vector<bool> named(rows.size(), false);
  for (size_t i = 0; i < rows.size(); ++i) {
    for (const Finding* f : rows[i].findings) {
      if (f->category != "medical_record_number" && f->category != "patient_number" &&
          NamesSomeone(*f)) {
        named[i] = true;
      }
    }
    if (!named[i]) continue;
    for (const Finding* f : rows[i].findings) {
      const std::string number = RecordNumberOf(*f);
      if (!number.empty() && f->role != Role::kRelated) named_by_number.emplace(number, i);
    }
  }
  std::vector<bool> joined(rows.size(), false);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (named[i]) continue;
    for (const Finding* f : rows[i].findings) {
      auto parent = named_by_number.find(RecordNumberOf(*f));
      if (RecordNumberOf(*f).empty() || parent == named_by_number.end()) continue;
      Group& to = rows[parent->second];
      to.findings.insert(to.findings.end(), rows[i].findings.begin(), rows[i].findings.end());
      joined[i] = true;
      break;
    }
  }
  std::vector<Group> kept;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!joined[i]) kept.push_back(std::move(rows[i]));
  }
  return kept;
}

// The first record link of `detector` in `g`, normalised; "" if none.
std::string LinkOf(const Group& g, std::string_view detector) {
  for (const Finding* f : g.findings) {
    if (IsRecordLink(*f) && f->detector == detector) return f->normalized;
  }
  return "";
}

// Records of one JSON document that name nobody join the record they are
// about: the record whose FHIR id their reference gives (an Observation
// line joins its Patient line, wherever it is in the item); in a Bundle
// without such a reference, the Patient entry before them. A reference to
// no record of the item is left for BuildPersonRecords to resolve across
// the item's folder.
std::vector<Group> JoinReferringRecords(std::vector<Group> groups, bool bundle) {
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < groups.size(); ++i) {
    for (const Finding* f : groups[i].findings) {
      if (IsRecordLink(*f) && f->detector == kFhirIdDetector) by_id.emplace(f->normalized, i);
    }
  }
  // into[i]: the group that group i joins, or i.
  std::vector<size_t> into(groups.size());
  size_t last_kept = groups.size();
  for (size_t i = 0; i < groups.size(); ++i) {
    into[i] = i;
    const bool names = std::any_of(groups[i].findings.begin(), groups[i].findings.end(),
                                   [](const Finding* f) { return NamesSomeone(*f); });
    if (names) {
      last_kept = i;
      continue;
    }
    auto target = by_id.find(LinkOf(groups[i], kFhirReferenceDetector));
    if (target != by_id.end() && target->second != i) {
      into[i] = target->second;
    } else if (bundle && last_kept < groups.size()) {
      into[i] = last_kept;
    } else {
      last_kept = i;
    }
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    // Follow joins to their end; hostile input may make them go round.
    size_t to = into[i], steps = 0;
    while (into[to] != to && ++steps < groups.size()) to = into[to];
    if (to == i || into[to] != to) continue;
    // The joined record's links have done their work: kept, a reference
    // would make the patient's record look like a resource referring on.
    for (const Finding* f : groups[i].findings) {
      if (!IsRecordLink(*f)) groups[to].findings.push_back(f);
    }
    groups[i].findings.clear();
  }
  std::vector<Group> kept;
  for (Group& g : groups) {
    if (!g.findings.empty()) kept.push_back(std::move(g));
  }
  return kept;
}

}  // namespace

void TableRecords(const std::string& item, const FindingRefs& findings,
                  std::vector<PersonRecord>* out, ItemRecordStats* stats) {
  for (const Group& row : JoinRowsByRecordNumber(GroupByRecord(findings))) {
    std::string anchor = item + "#";
    if (!row.table.empty()) anchor += "table " + row.table + ", ";
    anchor += "row " + std::to_string(row.record + 1);
    // Cells of a related person share the first word of their header
    // ("Emergency Contact", "Emergency Phone").
    std::vector<std::string> related_heads;
    for (const Finding* f : row.findings) {
      if (f->role != Role::kRelated) continue;
      const std::string head = FirstWord(f->location.label);
      if (head != "name" && head != "patient") AddUnique(&related_heads, head);
    }
    PersonRecordBuilder patient(anchor, item, Role::kPatient);
    PersonRecordBuilder related(anchor + "/related", item, Role::kRelated);
    for (const Finding* f : row.findings) {
      const std::string head = FirstWord(f->location.label);
      const bool kin = f->role == Role::kRelated ||
                       std::find(related_heads.begin(), related_heads.end(), head) !=
                           related_heads.end();
      (kin ? related : patient).Add(*f);
    }
    Emit(patient, out, stats);
    Emit(related, out, stats);
  }
}

void Hl7Records(const std::string& item, const FindingRefs& findings,
                std::vector<PersonRecord>* out, ItemRecordStats* stats) {
  for (const Group& message : GroupByRecord(findings)) {
    const std::string anchor = item + "#message " + std::to_string(message.record + 1);
    PersonRecordBuilder patient(anchor + "/PID", item, Role::kPatient);
    PersonRecordBuilder other(anchor + "/related", item, Role::kRelated);
    std::unique_ptr<PersonRecordBuilder> kin;
    std::string kin_segment;
    std::tuple<int, int, int> last{0, 0, 0};
    int kin_occurrence = 0;
    std::map<std::string, int> segments_seen;
    for (const Finding* f : message.findings) {
      const Hl7Position pos = ParseHl7Path(f->location.path);
      if (!IsRelatedSegment(pos.segment)) {
        (f->role == Role::kRelated ? other : patient).Add(*f);
        continue;
      }
      // Fields of one segment come in increasing order: going back (or
      // changing segment) means the next NK1/GT1/IN1 has begun.
      // "NK1(2)-2" names the second NK1 outright.
      const std::tuple<int, int, int> at{pos.field, pos.repetition, pos.component};
      if (!kin || kin_segment != pos.segment || kin_occurrence != pos.occurrence ||
          at <= last) {
        kin_occurrence = pos.occurrence;
        if (kin) Emit(*kin, out, stats);
        kin_segment = pos.segment;
        const int n = ++segments_seen[pos.segment];
        kin = std::make_unique<PersonRecordBuilder>(
            anchor + "/" + pos.segment + " " + std::to_string(n), item, Role::kRelated);
      }
      last = at;
      kin->Add(*f);
    }
    if (kin) Emit(*kin, out, stats);
    Emit(other, out, stats);
    Emit(patient, out, stats);
  }
}

void DocumentRecords(const std::string& item, const FindingRefs& findings,
                     std::vector<PersonRecord>* out, ItemRecordStats* stats) {
  const bool bundle = std::any_of(findings.begin(), findings.end(), [](const Finding* f) {
    return f->location.path.rfind("entry[", 0) == 0;
  });
  std::vector<Group> groups = JoinReferringRecords(GroupByRecord(findings), bundle);
  for (const Group& g : groups) {
    const std::string anchor = item + "#" + RecordAnchor(g);
    std::vector<std::string> roots;
    for (const Finding* f : g.findings) {
      if (f->role == Role::kRelated) AddUnique(&roots, RelatedRoot(f->location));
    }
    PersonRecordBuilder patient(anchor, item, Role::kPatient);
    std::vector<PersonRecordBuilder> related;
    for (size_t i = 0; i < roots.size(); ++i) {
      related.emplace_back(anchor + "/related " + std::to_string(i + 1), item, Role::kRelated);
    }
    for (const Finding* f : g.findings) {
      size_t root = 0;
      while (root < roots.size() && !Under(f->location.path, roots[root])) ++root;
      (root < roots.size() ? related[root] : patient).Add(*f);
    }
    Emit(patient, out, stats);
    for (const PersonRecordBuilder& r : related) Emit(r, out, stats);
  }
}

}  // namespace breachscope
