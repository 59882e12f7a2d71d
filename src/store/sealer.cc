#include "store/sealer.h"

#include <string>

namespace breachscope {
namespace {

// The default run: every value sealed alone, as SealAppendFor does.
class OneByOneRun final : public SealRun {
 public:
  OneByOneRun(const Sealer& sealer, std::string_view context)
      : sealer_(sealer), context_(context) {}
  void SealAppend(std::string_view plain, std::string* out) override {
    sealer_.SealAppendFor(context_, plain, out);
  }

 private:
  const Sealer& sealer_;
  const std::string context_;
};

// The default open run: every value opened alone, as UnsealFor does.
class OneByOneOpen final : public OpenRun {
 public:
  OneByOneOpen(const Sealer& sealer, std::string_view context)
      : sealer_(sealer), context_(context) {}
  Status Unseal(std::string_view sealed, std::string* out) override {
    return sealer_.UnsealFor(context_, sealed, out);
  }

 private:
  const Sealer& sealer_;
  const std::string context_;
};

}  // namespace

std::unique_ptr<OpenRun> Sealer::BeginOpenRun(std::string_view context) const {
  return std::make_unique<OneByOneOpen>(*this, context);
}

std::unique_ptr<SealRun> Sealer::BeginSealRun(std::string_view context) const {
  return std::make_unique<OneByOneRun>(*this, context);
}

}  // namespace breachscope
