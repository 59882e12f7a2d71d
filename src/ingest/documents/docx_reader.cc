#include "ingest/documents/docx_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/documents/office_text.h"
#include "ingest/documents/part_sink.h"
#include "ingest/documents/xml_util.h"
#include "ingest/documents/zip_parts.h"
#include "ingest/extract/text_reader.h"

namespace breachscope {
namespace {

// The number in a part name ("word/footer12.xml" -> 12), 0 if none.
int PartNumber(std::string_view name) {
  const size_t dot = name.rfind('.');
  size_t start = dot;
  while (start > 0 && name[start - 1] >= '0' && name[start - 1] <= '9') --start;
  int n = 0;
  for (size_t i = start; i < dot; ++i) n = n * 10 + (name[i] - '0');
  return start == dot ? 0 : n;
}

// File name without folder and extension: "word/header1.xml" -> "header1".
std::string Stem(std::string_view name) {
  name = name.substr(name.rfind('/') + 1);
  return std::string(name.substr(0, name.rfind('.')));
}

Status ReadPart(const std::string& xml, const std::string& part_name,
                const std::string& label, UnitSink& sink) {
  pugi::xml_document doc;
  BS_RETURN_IF_ERROR(ParseXmlPart(xml, part_name, &doc));
  const std::string text = OfficeText(doc, OfficeDialect::kOoxml);
  PartSink named(sink, label);
  return ReadText(text, named);
}

// Parts under `folder` named `prefix`N.xml, by N.
std::vector<const PartMap::value_type*> Numbered(const PartMap& parts, std::string_view prefix) {
  std::vector<const PartMap::value_type*> found;
  for (const auto& entry : parts) {
    if (entry.first.starts_with(prefix) && entry.first.ends_with(".xml") &&
        entry.first.find('/', prefix.size()) == std::string::npos) {
      found.push_back(&entry);
    }
  }
  std::sort(found.begin(), found.end(), [](auto* a, auto* b) {
    return PartNumber(a->first) < PartNumber(b->first);
  });
  return found;
}

}  // namespace

Status ReadDocx(std::string_view bytes, UnitSink& sink) {
  Result<PartMap> parts = ReadZipParts(bytes, [](std::string_view name) {
    return name.starts_with("word/") && name.ends_with(".xml") &&
           name.find('/', 5) == std::string_view::npos;
  });
  if (!parts.ok()) return parts.status();
  const PartMap& map = parts.value();
  auto body = map.find("word/document.xml");
  if (body == map.end()) return Corrupt("docx package without word/document.xml");
  BS_RETURN_IF_ERROR(ReadPart(body->second, body->first, "body", sink));
  for (std::string_view kind : {"word/header", "word/footer"}) {
    for (const auto* part : Numbered(map, kind)) {
      BS_RETURN_IF_ERROR(ReadPart(part->second, part->first, Stem(part->first), sink));
    }
  }
  for (std::string_view name : {"word/comments.xml", "word/footnotes.xml", "word/endnotes.xml"}) {
    if (auto it = map.find(name); it != map.end()) {
      BS_RETURN_IF_ERROR(ReadPart(it->second, it->first, Stem(name), sink));
    }
  }
  return {};
}

Status ReadPptx(std::string_view bytes, UnitSink& sink) {
  Result<PartMap> parts = ReadZipParts(bytes, [](std::string_view name) {
    return (name.starts_with("ppt/slides/") || name.starts_with("ppt/notesSlides/") ||
            name.starts_with("ppt/comments/")) && name.ends_with(".xml");
  });
  if (!parts.ok()) return parts.status();
  const PartMap& map = parts.value();
  const auto slides = Numbered(map, "ppt/slides/slide");
  if (slides.empty()) return Corrupt("pptx package without slides");
  for (const auto* part : slides) {
    BS_RETURN_IF_ERROR(ReadPart(part->second, part->first,
                                "slide " + std::to_string(PartNumber(part->first)), sink));
  }
  for (const auto* part : Numbered(map, "ppt/notesSlides/notesSlide")) {
    BS_RETURN_IF_ERROR(ReadPart(part->second, part->first,
                                "notes " + std::to_string(PartNumber(part->first)), sink));
  }
  for (const auto* part : Numbered(map, "ppt/comments/")) {
    BS_RETURN_IF_ERROR(ReadPart(part->second, part->first, "comments", sink));
  }
  return {};
}

}  // namespace breachscope
