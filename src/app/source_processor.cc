#include "app/source_processor.h"

#include <optional>

#include "app/detect_batcher.h"
#include "app/detect_pool.h"
#include "app/finding_chunker.h"
#include "app/table_sampler.h"

#include "ingest/archive/archive_reader.h"
#include "ingest/extract/binary_strings_reader.h"
#include "ingest/extract/extractor.h"
#include "ingest/format.h"
#include "ingest/mapped_file.h"
#include "ingest/text_decoder.h"

namespace breachscope {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;
// Pages are handed back to the kernel in steps of this size, keeping a
// margin behind the reader because extractors may look back a little.
// Dropping clean pages of a read-only mapping is always safe: a later access
// (a CSV header label, say) faults them back in from the file.
constexpr uint64_t kReleaseStep = 8ull << 20;

// Runs the detectors on every unit and counts what extraction reports.
// Table cells go through a TableSampler, which classifies each table's
// columns from its first rows; Finish() must follow the last unit.
class DetectingSink : public UnitSink {
 public:
  DetectingSink(const DetectorEngine& engine, DetectorEngine::Scratch& scratch,
                ItemResult* result, const SourceProcessor::Emit& emit,
                MappedFile* mapping, uint64_t mapping_base, StageClock& clock,
                DetectPool* pool)
      : sampler_(engine, scratch, &result->findings),
        chunker_(result->record, &result->findings, emit), result_(result),
        mapping_(mapping), mapping_base_(mapping_base), clock_(clock) {
    // The last item's record must not lend its context to this one's
    // record of the same number.
    scratch.ForgetRecord();
    if (pool != nullptr) {
      batcher_.emplace(*pool, engine, scratch, clock, &result->findings,
                       [this] { chunker_.MaybeEmit(); });
      sampler_.DetectVia(&*batcher_);
    }
  }

  void OnUnit(const TextUnit& unit) override {
    ++units_;
    if (batcher_) {
      // Detection happens in batches elsewhere and the batcher times it;
      // here units are only copied, which is charged to extract.
      sampler_.OnUnit(unit);
      batcher_->SinkUnitEnd();
      MaybeRelease(unit.offset);
      return;
    }
    if (clock_.SampleUnit()) {
      clock_.BeginSampled();
      sampler_.OnUnit(unit);
      clock_.EndSampled();
    } else {
      sampler_.OnUnit(unit);
    }
    chunker_.MaybeEmit();
    // Held sample cells are copies, so pages behind them may go.
    MaybeRelease(unit.offset);
  }
  // Detects the held sample cells and reads the item's dates; the stage is
  // left as detect.
  void Finish() {
    clock_.Switch(Stage::kDetect);
    sampler_.FinishSample();
    if (batcher_) batcher_->Drain();
    chunker_.Finish(result_);
  }
  void OnWarning(std::string_view) override { ++warnings_; }

  uint64_t units() const { return units_; }
  uint64_t warnings() const { return warnings_; }

 private:
  // Units arrive in document order; only a view straight into the mapping
  // (no transcoding) is released: transcoded text lives in its own buffer.
  void MaybeRelease(uint64_t offset) {
    if (mapping_ == nullptr || offset < released_ + 2 * kReleaseStep) return;
    uint64_t until = offset - kReleaseStep;
    mapping_->ReleaseRange(mapping_base_ + released_, mapping_base_ + until);
    released_ = until;
  }

  TableSampler sampler_;
  FindingChunker chunker_;
  std::optional<DetectBatcher> batcher_;  // set when the item is split
  ItemResult* result_;
  MappedFile* mapping_;
  uint64_t mapping_base_;
  StageClock& clock_;
  uint64_t released_ = 0;
  uint64_t units_ = 0;
  uint64_t warnings_ = 0;
};

// Forwards archive members back into the processor, one nesting level down.
class MemberVisitor : public ArchiveVisitor {
 public:
  using OnMemberFn = std::function<void(std::string_view, std::string_view)>;
  using OnErrorFn = std::function<void(std::string_view, const Status&)>;
  MemberVisitor(OnMemberFn on_member, OnErrorFn on_error)
      : on_member_(std::move(on_member)), on_error_(std::move(on_error)) {}
  void OnMember(std::string_view path, std::string_view bytes) override {
    on_member_(path, bytes);
  }
  void OnMemberError(std::string_view path, const Status& reason) override {
    on_error_(path, reason);
  }

 private:
  OnMemberFn on_member_;
  OnErrorFn on_error_;
};

// Keeps what a document embeds (attachments) until the document is done.
struct ChildCollector : public ArchiveVisitor {
  void OnMember(std::string_view path, std::string_view bytes) override {
    members.emplace_back(std::string(path), std::string(bytes));
  }
  void OnMemberError(std::string_view path, const Status& reason) override {
    errors.emplace_back(std::string(path), reason);
  }
  std::vector<std::pair<std::string, std::string>> members;
  std::vector<std::pair<std::string, Status>> errors;
};

// A short code to count unread top-level entries by in the summary; the
// walker's reason text stays as the message.
std::string SkipOrErrorCode(const SourceEntry& entry) {
  if (entry.kind == SourceKind::kError) return "io_error";
  if (entry.reason.rfind("symbolic link", 0) == 0) return "symlink";
  return "special_file";
}

bool IsContainer(Format format) {
  return format == Format::kArchive || format == Format::kCompressed;
}

}  // namespace

SourceProcessor::SourceProcessor(const DetectorEngine& engine,
                                 const IngestOptions& options,
                                 const std::atomic<bool>& stop,
                                 DetectPool* pool)
    : engine_(engine), options_(options), stop_(stop), pool_(pool),
      scratch_(engine.NewScratch()) {}

DetectPool* SourceProcessor::PoolFor(uint64_t bytes) const {
  if (pool_ == nullptr || !pool_->shared()) return nullptr;
  return bytes >= options_.split_min_bytes ? pool_ : nullptr;
}

SourceProcessor::~SourceProcessor() = default;

bool SourceProcessor::Process(const SourceEntry& entry, const Emit& emit) {
  emit_ = &emit;
  source_name_ = entry.name;
  budget_bytes_ = options_.max_total_bytes_per_source;
  if (entry.kind != SourceKind::kFile) {
    ItemResult result;
    result.record.name = entry.name;
    result.record.source = entry.name;
    result.record.status = entry.kind == SourceKind::kSkipped
                               ? ItemStatus::kSkipped
                               : ItemStatus::kError;
    result.record.error_code = SkipOrErrorCode(entry);
    result.record.error_message = entry.reason;
    emit(std::move(result));
    return true;
  }
  clock_.Switch(Stage::kRead);
  Result<MappedFile> mapped = MappedFile::Open(entry.path);
  if (!mapped.ok()) {
    EmitError(entry.name, "", 0, mapped.status(), 0);
    return true;
  }
  ProcessBytes(entry.name, mapped.value().bytes(), 0, &mapped.value());
  clock_.Switch(Stage::kOther);  // unmapping, on return, is charged here
  return !stop_.load();
}

void SourceProcessor::ProcessBytes(const std::string& name,
                                   std::string_view bytes, int depth,
                                   MappedFile* mapping) {
  if (stop_.load()) return;
  clock_.Switch(Stage::kRead);
  SniffResult sniff = SniffFormat(bytes.substr(0, kSniffBytes), name);
  std::string_view format = FormatName(sniff.format);
  if (IsContainer(sniff.format)) {
    if (depth >= options_.max_archive_depth) {
      EmitError(name, format, depth,
                LimitExceeded("archive nested deeper than " +
                              std::to_string(options_.max_archive_depth) +
                              " levels"),
                bytes.size());
      return;
    }
    ProcessArchive(name, bytes, depth, format);
    return;
  }
  if (IsDocumentFormat(sniff.format)) {
    ProcessDocument(name, bytes, depth, sniff);
    return;
  }
  ProcessContent(name, bytes, depth, sniff, mapping);
}

void SourceProcessor::ProcessDocument(const std::string& name,
                                      std::string_view bytes, int depth,
                                      const SniffResult& sniff) {
  ItemResult result;
  result.record.name = name;
  result.record.source = source_name_;
  result.record.format = std::string(FormatName(sniff.format));
  result.record.bytes = bytes.size();
  result.record.depth = depth;
  ChildCollector children;
  DocumentContext context;
  context.children = &children;
  context.ocr = options_.ocr;
  context.options = &options_;
  context.ocr_pages = &result.record.ocr_pages;
  DetectingSink sink(engine_, *scratch_, &result, *emit_, nullptr, 0, clock_,
                     PoolFor(bytes.size()));
  clock_.Switch(Stage::kExtract);
  Status status = ExtractDocument(sniff, bytes, context, sink);
  sink.Finish();
  if (stop_.load()) return;
  result.record.units = sink.units();
  result.record.warnings = sink.warnings();
  if (!status.ok()) {
    result.record.status = ItemStatus::kError;
    result.record.error_code = std::string(StatusCodeName(status.code()));
    result.record.error_message = status.message();
  }
  (*emit_)(std::move(result));
  // Embedded items are read after their document: the detector scratch
  // serves one item at a time.
  for (auto& [path, member] : children.members) {
    const std::string child = name + "!" + path;
    if (depth >= options_.max_archive_depth) {
      EmitError(child, "", depth + 1,
                LimitExceeded("item nested deeper than " +
                              std::to_string(options_.max_archive_depth) +
                              " levels"),
                member.size());
      continue;
    }
    ProcessBytes(child, member, depth + 1, nullptr);
  }
  for (const auto& [path, reason] : children.errors) {
    EmitError(name + "!" + path, "", depth + 1, reason, 0);
  }
}

void SourceProcessor::ProcessArchive(const std::string& name,
                                     std::string_view bytes, int depth,
                                     std::string_view format) {
  MemberVisitor visitor(
      [&](std::string_view path, std::string_view member) {
        ProcessBytes(name + "!" + std::string(path), member, depth + 1,
                     nullptr);
        clock_.Switch(Stage::kUnpack);  // back to decoding the archive
      },
      [&](std::string_view path, const Status& reason) {
        EmitError(name + "!" + std::string(path), "", depth + 1, reason, 0);
      });
  clock_.Switch(Stage::kUnpack);
  Status status = ReadArchive(bytes, name, options_, &budget_bytes_, visitor);
  if (stop_.load()) return;
  ItemResult result;
  result.record.name = name;
  result.record.source = source_name_;
  result.record.format = std::string(format);
  result.record.bytes = bytes.size();
  result.record.depth = depth;
  if (!status.ok()) {
    result.record.status = ItemStatus::kError;
    result.record.error_code = std::string(StatusCodeName(status.code()));
    result.record.error_message = status.message();
  }
  (*emit_)(std::move(result));
}

void SourceProcessor::ProcessContent(const std::string& name,
                                     std::string_view bytes, int depth,
                                     const SniffResult& sniff,
                                     MappedFile* mapping) {
  ItemResult result;
  result.record.name = name;
  result.record.source = source_name_;
  result.record.format = std::string(FormatName(sniff.format));
  result.record.bytes = bytes.size();
  result.record.depth = depth;
  Status status;
  uint64_t units = 0, warnings = 0;
  if (sniff.format == Format::kBinary) {
    DetectingSink sink(engine_, *scratch_, &result, *emit_, mapping, 0,
                       clock_, PoolFor(bytes.size()));
    clock_.Switch(Stage::kExtract);
    status = ReadBinaryStrings(bytes, sink);
    sink.Finish();
    units = sink.units();
  } else if (sniff.format != Format::kEmpty) {
    std::string storage;
    // Validation reads the whole input before extraction starts: release
    // pages behind it too, or a huge file becomes resident twice over.
    ConsumedFn release;
    uint64_t validated = 0;
    if (mapping != nullptr) {
      release = [mapping, &validated](uint64_t offset) {
        mapping->ReleaseRange(validated, offset);
        validated = offset;
      };
    }
    DecodedText decoded = DecodeToUtf8(bytes, &storage, release);
    bool is_view = storage.empty() && !decoded.text.empty();
    uint64_t base = is_view ? decoded.text.data() - bytes.data() : 0;
    DetectingSink sink(engine_, *scratch_, &result, *emit_,
                       is_view ? mapping : nullptr, base, clock_,
                       PoolFor(bytes.size()));
    clock_.Switch(Stage::kExtract);
    status = ExtractUnits(sniff, decoded.text, sink);
    sink.Finish();
    units = sink.units();
    warnings = sink.warnings() + decoded.replacements;
  }
  if (stop_.load()) return;
  // A file cut short or grown while read was not read as it is now.
  clock_.Switch(Stage::kRead);
  if (status.ok() && mapping != nullptr) status = mapping->CheckUnchanged();
  result.record.units = units;
  result.record.warnings = warnings;
  if (!status.ok()) {
    // Findings read before the error are kept: nothing found is lost.
    result.record.status = ItemStatus::kError;
    result.record.error_code = std::string(StatusCodeName(status.code()));
    result.record.error_message = status.message();
  }
  (*emit_)(std::move(result));
}

void SourceProcessor::EmitError(const std::string& name,
                                std::string_view format, int depth,
                                const Status& reason, uint64_t bytes) {
  ItemResult result;
  result.record.name = name;
  result.record.source = source_name_;
  result.record.format = std::string(format);
  result.record.status = ItemStatus::kError;
  result.record.error_code = std::string(StatusCodeName(reason.code()));
  result.record.error_message = reason.message();
  result.record.bytes = bytes;
  result.record.depth = depth;
  (*emit_)(std::move(result));
}

}  // namespace breachscope
