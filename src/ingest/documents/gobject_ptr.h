// GPtr<T>: a unique_ptr that drops a GObject reference, for the GLib-based
// libraries the document readers use (poppler-glib, GMime, libgsf).
#ifndef BREACHSCOPE_INGEST_DOCUMENTS_GOBJECT_PTR_H_
#define BREACHSCOPE_INGEST_DOCUMENTS_GOBJECT_PTR_H_

#include <glib-object.h>

#include <memory>

namespace breachscope {

struct GObjectUnref {
  void operator()(gpointer p) const {
    if (p != nullptr) g_object_unref(p);
  }
};

template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

}  // namespace breachscope

#endif  // BREACHSCOPE_INGEST_DOCUMENTS_GOBJECT_PTR_H_
