#include "ingest/extract/xml_reader.h"

#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

namespace breachscope {
namespace {

std::string_view LocalName(std::string_view name) {
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool IsNamespaceDeclaration(std::string_view name) {
  return name == "xmlns" || name.substr(0, 6) == "xmlns:";
}

// The namespace URI of an element's own name, when declared on it.
std::string_view OwnNamespace(pugi::xml_node element) {
  std::string_view name = element.name();
  size_t colon = name.find(':');
  std::string attr = colon == std::string_view::npos
                         ? std::string("xmlns")
                         : "xmlns:" + std::string(name.substr(0, colon));
  return element.attribute(attr.c_str()).value();
}

// A FHIR resource or a CDA document describes one subject: its repeated
// children (name, identifier, telecom) are not records.
bool IsSingleResource(pugi::xml_node root) {
  std::string_view ns = OwnNamespace(root);
  return ns == "http://hl7.org/fhir" || ns == "urn:hl7-org:v3";
}

std::string_view TrimXmlSpace(std::string_view text, size_t* leading) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(kSpace);
  *leading = first;
  return text.substr(first, last - first + 1);
}

// How many element children of one parent carry each name, and how many of
// them have been visited: gives 1-based indexes to repeated names in O(1).
class SiblingNames {
 public:
  explicit SiblingNames(pugi::xml_node parent) {
    pugi::xml_node first = parent.first_child();
    // Most elements have at most one child element: skip the map then.
    int elements = 0;
    for (pugi::xml_node c = first; c && elements < 2; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) ++elements;
    }
    if (elements < 2) return;
    for (pugi::xml_node c = first; c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) ++counts_[c.name()].total;
    }
  }
  bool Repeats(std::string_view name) const {
    auto it = counts_.find(name);
    return it != counts_.end() && it->second.total > 1;
  }
  // 1-based index of the next element called `name`; 0 when it is unique.
  int NextIndex(std::string_view name) {
    auto it = counts_.find(name);
    if (it == counts_.end() || it->second.total < 2) return 0;
    return ++it->second.seen;
  }

 private:
  struct Count {
    int total = 0;
    int seen = 0;
  };
  std::unordered_map<std::string_view, Count> counts_;
};

// Walks a parsed document without recursion, keeping label and path of the
// current element, and feeds the sink.
class XmlWalker {
 public:
  XmlWalker(const char* buffer, size_t size, UnitSink& sink)
      : buffer_(buffer), size_(size), sink_(sink) {}

  void Walk(pugi::xml_node root);
  bool too_deep() const { return too_deep_; }
  size_t deep_offset() const { return deep_offset_; }

 private:
  struct Frame {
    pugi::xml_node next;  // next child to visit
    size_t parent_path_len;
    size_t parent_label_len;
    int64_t record;  // >= 0 when this element is a record
    SiblingNames names;
  };

  void Enter(pugi::xml_node element);
  void Leave();
  void EmitAttributes(pugi::xml_node element);
  void EmitText(const char* value);
  void Emit(std::string_view text, std::string_view label,
            std::string_view path, const char* at);
  bool IsRecord(pugi::xml_node child) const;

  const char* buffer_;
  size_t size_;
  UnitSink& sink_;
  std::vector<Frame> stack_;
  std::string path_, label_;
  bool record_mode_ = false;
  bool bundle_ = false;
  bool single_ = false;  // a FHIR resource or CDA document: one record
  int64_t record_ = 0;
  int64_t next_record_ = 0;
  bool too_deep_ = false;
  size_t deep_offset_ = 0;
};

void XmlWalker::Walk(pugi::xml_node root) {
  path_ = "/";
  path_ += root.name();
  label_ = LocalName(root.name());
  stack_.push_back(Frame{root.first_child(), 0, 0, -1, SiblingNames(root)});
  bundle_ = LocalName(root.name()) == "Bundle";
  single_ = !bundle_ && IsSingleResource(root);
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && IsRecord(c)) record_mode_ = true;
  }
  record_ = record_mode_ ? -1 : 0;
  EmitAttributes(root);
  while (!stack_.empty()) {
    pugi::xml_node child = stack_.back().next;
    if (!child) {
      Leave();
      continue;
    }
    stack_.back().next = child.next_sibling();
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        EmitText(child.value());
        break;
      case pugi::node_element:
        Enter(child);
        break;
      default:  // comments, processing instructions, doctype
        break;
    }
  }
  if (!record_mode_) sink_.OnRecordEnd(0);
}

// Records are the root's children whose name repeats, and Bundle entries;
// a FHIR resource or CDA document is a single record.
bool XmlWalker::IsRecord(pugi::xml_node child) const {
  if (stack_.size() != 1 || single_) return false;
  if (bundle_ && LocalName(child.name()) == "entry") return true;
  return stack_.front().names.Repeats(child.name());
}

void XmlWalker::Enter(pugi::xml_node element) {
  if (stack_.size() >= static_cast<size_t>(kMaxXmlDepth)) {
    if (!too_deep_) deep_offset_ = static_cast<size_t>(element.offset_debug());
    too_deep_ = true;
    return;
  }
  size_t path_len = path_.size(), label_len = label_.size();
  int index = stack_.back().names.NextIndex(element.name());
  path_ += '/';
  path_ += element.name();
  if (index > 0) {
    path_ += '[';
    path_ += std::to_string(index);
    path_ += ']';
  }
  label_ += '.';
  label_ += LocalName(element.name());
  int64_t record = -1;
  if (record_mode_ && IsRecord(element)) record = record_ = next_record_++;
  EmitAttributes(element);
  stack_.push_back(Frame{element.first_child(), path_len, label_len, record,
                         SiblingNames(element)});
}

void XmlWalker::Leave() {
  const Frame& frame = stack_.back();
  if (frame.record >= 0) {
    sink_.OnRecordEnd(frame.record);
    record_ = -1;
  }
  path_.resize(frame.parent_path_len);
  label_.resize(frame.parent_label_len);
  stack_.pop_back();
}

void XmlWalker::EmitAttributes(pugi::xml_node element) {
  for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    if (IsNamespaceDeclaration(name) || *a.value() == '\0') continue;
    std::string path = path_ + "/@" + std::string(name);
    if (name == "value") {
      Emit(a.value(), label_, path, a.value());
    } else {
      std::string label = label_ + ".@" + std::string(name);
      Emit(a.value(), label, path, a.value());
    }
  }
}

void XmlWalker::EmitText(const char* value) {
  size_t leading = 0;
  std::string_view text = TrimXmlSpace(value, &leading);
  if (!text.empty()) Emit(text, label_, path_, value + leading);
}

// `at` points into the parse buffer: values are parsed in place, so their
// position there is their position in the input.
void XmlWalker::Emit(std::string_view text, std::string_view label,
                     std::string_view path, const char* at) {
  std::less_equal<const char*> le;
  bool inside = le(buffer_, at) && le(at, buffer_ + size_);
  TextUnit unit;
  unit.kind = UnitKind::kField;
  unit.text = text;
  unit.label = label;
  unit.path = path;
  unit.record = record_;
  unit.offset = inside ? static_cast<uint64_t>(at - buffer_) : 0;
  sink_.OnUnit(unit);
}

Status ParseAndWalk(std::string_view utf8, UnitSink& sink) {
  // A private, mutable copy: in-place parsing keeps every value at its
  // input position, which gives exact offsets.
  std::unique_ptr<char[]> buffer(new char[utf8.size() + 1]);
  std::memcpy(buffer.get(), utf8.data(), utf8.size());
  buffer[utf8.size()] = '\0';
  pugi::xml_document doc;
  // parse_default: elements, CDATA, builtin and numeric entities, EOL
  // normalisation; no DOCTYPE nodes, no entity expansion beyond the builtin.
  pugi::xml_parse_result result = doc.load_buffer_inplace(
      buffer.get(), utf8.size(), pugi::parse_default, pugi::encoding_utf8);
  XmlWalker walker(buffer.get(), utf8.size(), sink);
  pugi::xml_node root = doc.document_element();
  if (root) walker.Walk(root);
  if (!result) {
    return Corrupt("XML parse error at byte " + std::to_string(result.offset) +
                   ": " + result.description());
  }
  if (walker.too_deep()) {
    return Corrupt("XML nesting deeper than " + std::to_string(kMaxXmlDepth) +
                   " at byte " + std::to_string(walker.deep_offset()));
  }
  return Status::Ok();
}

}  // namespace

Status ReadXml(std::string_view utf8, UnitSink& sink) {
  try {
    return ParseAndWalk(utf8, sink);
  } catch (const std::bad_alloc&) {
    return LimitExceeded("out of memory reading XML");
  } catch (...) {
    return Internal("unexpected failure reading XML");
  }
}

}  // namespace breachscope
