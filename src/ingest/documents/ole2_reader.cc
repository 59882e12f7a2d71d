#include "ingest/documents/ole2_reader.h"

#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include <memory>
#include <mutex>
#include <string>

#include "ingest/documents/biff8_workbook.h"
#include "ingest/documents/gobject_ptr.h"
#include "ingest/documents/part_sink.h"
#include "ingest/documents/word97_text.h"
#include "ingest/extract/text_reader.h"

namespace breachscope {
namespace {

void DropLog(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

// libgsf reports every damaged compound file on the console (a hostile
// share holds thousands); the reasons come back as Corrupt instead.
void InitGsf() {
  static std::once_flag once;
  std::call_once(once, [] {
    gsf_init();
    for (const char* domain : {"libgsf", "libgsf:msole"}) {
      g_log_set_handler(domain,
                        static_cast<GLogLevelFlags>(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                                                    G_LOG_FLAG_RECURSION),
                        DropLog, nullptr);
    }
  });
}

// The index of the root's child `name`, or -1.
int ChildIndex(GsfInfile* ole, const char* name) {
  for (int i = 0; i < gsf_infile_num_children(ole); ++i) {
    const char* child = gsf_infile_name_by_index(ole, i);
    if (child != nullptr && std::string_view(child) == name) return i;
  }
  return -1;
}

bool HasChild(GsfInfile* ole, const char* name) { return ChildIndex(ole, name) >= 0; }

// gsf_infile_child_by_index() without its console warning: the class's
// own look-up, which says why a child cannot be opened.
GsfInput* OpenChild(GsfInfile* ole, int index, std::string* why) {
  GError* error = nullptr;
  auto* klass = G_TYPE_INSTANCE_GET_CLASS(ole, GSF_INFILE_TYPE, GsfInfileClass);
  GsfInput* child = klass->child_by_index(ole, index, &error);
  if (error != nullptr) {
    *why = error->message;
    g_error_free(error);
  }
  return child;
}

// The whole stream `name`, or "" when absent. A stream cannot hold more
// than the compound file around it: a larger declared size is Corrupt.
Status ReadStream(GsfInfile* ole, const char* name, size_t file_size, std::string* out) {
  out->clear();
  const int index = ChildIndex(ole, name);
  if (index < 0) return {};
  std::string why = "no data";
  GPtr<GsfInput> child(OpenChild(ole, index, &why));
  if (child == nullptr) return Corrupt(std::string("OLE2 stream ") + name + " cannot be read: " + why);
  const gsf_off_t size = gsf_input_size(child.get());
  if (size < 0 || static_cast<uint64_t>(size) > file_size) {
    return Corrupt(std::string("OLE2 stream ") + name + " is larger than its file");
  }
  out->resize(static_cast<size_t>(size));
  if (size > 0 && gsf_input_read(child.get(), static_cast<size_t>(size),
                                 reinterpret_cast<guint8*>(out->data())) == nullptr) {
    return Corrupt(std::string("OLE2 stream ") + name + " cannot be read");
  }
  return {};
}

Status ReadWord(GsfInfile* ole, size_t file_size, UnitSink& sink) {
  std::string doc, table0, table1;
  BS_RETURN_IF_ERROR(ReadStream(ole, "WordDocument", file_size, &doc));
  BS_RETURN_IF_ERROR(ReadStream(ole, "0Table", file_size, &table0));
  BS_RETURN_IF_ERROR(ReadStream(ole, "1Table", file_size, &table1));
  std::string body, other;
  BS_RETURN_IF_ERROR(Word97Text({doc, table0, table1}, &body, &other));
  PartSink body_sink(sink, "body");
  BS_RETURN_IF_ERROR(ReadText(body, body_sink));
  if (other.empty()) return {};
  PartSink other_sink(sink, "other text");
  return ReadText(other, other_sink);
}

}  // namespace

Status ReadOle2Document(std::string_view bytes, UnitSink& sink) {
  InitGsf();
  GPtr<GsfInput> input(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                            static_cast<gsf_off_t>(bytes.size()), FALSE));
  GError* error = nullptr;
  GPtr<GsfInfile> ole(gsf_infile_msole_new(input.get(), &error));
  if (ole == nullptr) {
    std::string why = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    return Corrupt("OLE2 compound file cannot be opened: " + why);
  }
  if (HasChild(ole.get(), "WordDocument")) return ReadWord(ole.get(), bytes.size(), sink);
  if (HasChild(ole.get(), "Workbook")) {
    std::string workbook;
    BS_RETURN_IF_ERROR(ReadStream(ole.get(), "Workbook", bytes.size(), &workbook));
    return ReadBiff8Workbook(workbook, sink);
  }
  if (HasChild(ole.get(), "Book")) {
    return Unsupported("legacy Excel 5.0/95 workbook (.xls, BIFF5) is not read");
  }
  if (HasChild(ole.get(), "PowerPoint Document")) {
    return Unsupported("legacy PowerPoint 97-2003 presentation (.ppt) is not read");
  }
  if (HasChild(ole.get(), "__properties_version1.0")) {
    return Unsupported("Outlook item (.msg) is not read");
  }
  return Unsupported("OLE2 compound file of no known document kind");
}

}  // namespace breachscope
