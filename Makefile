# breachscope: set-up, build, tests and the demo. See README.md.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

# Debian 12 packages the build, the tests and the demo need. Kept in one
# place; README.md says what each is for.
DEBIAN_PACKAGES := \
  cmake g++ make pkg-config python3 \
  libvectorscan-dev libarchive-dev libsqlite3-dev libsodium-dev libphonenumber-dev \
  nlohmann-json3-dev libpugixml-dev libcli11-dev libtomlplusplus-dev \
  libpoppler-glib-dev libpoppler-cpp-dev libgmime-3.0-dev libdcmtk-dev \
  libpff-dev libbfio-dev libgsf-1-dev \
  libtesseract-dev tesseract-ocr-eng tesseract-ocr-fra \
  libpango1.0-dev libcairo2-dev fonts-dejavu-core poppler-utils \
  libgtest-dev libgmock-dev libbenchmark-dev chromium \
  zip p7zip-full xz-utils bzip2 time

.PHONY: deps build test demo bench eval fuzz fuzz-build fuzz-replay fuzz-corpus kill-resume clean

# Idempotent: installs only what is missing (needs root on a fresh machine).
deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "all build dependencies present"; fi

build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: deps build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

demo: deps build
	rm -rf $(BUILD_DIR)/demo-case
	$(BUILD_DIR)/breachscope scan examples/share --case $(BUILD_DIR)/demo-case
	$(BUILD_DIR)/breachscope summary --case $(BUILD_DIR)/demo-case
	$(BUILD_DIR)/breachscope resolve --case $(BUILD_DIR)/demo-case
	cp examples/case.toml $(BUILD_DIR)/demo-case/case.toml
	$(BUILD_DIR)/breachscope deadlines --case $(BUILD_DIR)/demo-case --as-of 2026-04-20
	$(BUILD_DIR)/breachscope report --case $(BUILD_DIR)/demo-case --out $(BUILD_DIR)/demo-report --as-of 2026-04-20

# Every libFuzzer harness (clang, ASan, UBSan), built in FUZZ_DIR.
FUZZ_SECONDS ?= 60
FUZZ_DIR ?= build-fuzz
FUZZ_HARNESSES = $$(cd fuzz && ls *_fuzz.cc | sed 's/\.cc$$//')
fuzz-build: deps
	@command -v clang++ >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev; }
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DBREACHSCOPE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(FUZZ_HARNESSES)

# Explores: each harness mutates its seed corpus for FUZZ_SECONDS. Random by
# nature, so a developer's job; a crash found becomes a seed once fixed.
fuzz: fuzz-build
	@for h in $(FUZZ_HARNESSES); do \
	  corpus=$(FUZZ_DIR)/corpus/$$h; mkdir -p $$corpus; \
	  if [ -d fuzz/seeds/$$h ]; then cp -n fuzz/seeds/$$h/* $$corpus/ 2>/dev/null; fi; \
	  if [ $$h = sniff_fuzz ]; then cp -n fuzz/seeds/*_fuzz/* $$corpus/ 2>/dev/null; fi; \
	  echo "== $$h ($(FUZZ_SECONDS) s)"; \
	  if ! $(FUZZ_DIR)/fuzz/$$h -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 \
	      -timeout=10 -artifact_prefix=$(FUZZ_DIR)/ $$corpus > $(FUZZ_DIR)/$$h.log 2>&1; then \
	    tail -40 $(FUZZ_DIR)/$$h.log; echo "$$h: crash, see $(FUZZ_DIR)/"; exit 1; \
	  fi; tail -1 $(FUZZ_DIR)/$$h.log; \
	done

# Replays: each harness runs once over its committed seeds (the inputs that
# once crashed or hung it among them) and its minimised corpus
# (fuzz/corpus/<harness>.tar.xz, the coverage earlier `make fuzz` runs
# reached), then stops. Deterministic, so CI runs it.
fuzz-replay: fuzz-build
	@for h in $(FUZZ_HARNESSES); do \
	  if [ $$h = sniff_fuzz ]; then seeds=$$(echo fuzz/seeds/*_fuzz); else seeds=fuzz/seeds/$$h; fi; \
	  [ -d fuzz/seeds/$$h ] || [ $$h = sniff_fuzz ] || { echo "$$h: no seeds in fuzz/seeds/$$h"; exit 1; }; \
	  replay=$(FUZZ_DIR)/replay/$$h; rm -rf $$replay; mkdir -p $$replay; \
	  [ ! -f fuzz/corpus/$$h.tar.xz ] || tar -xJf fuzz/corpus/$$h.tar.xz -C $$replay; \
	  echo "== $$h: $$(ls $$seeds $$replay | grep -cv ':$$') inputs"; \
	  if ! $(FUZZ_DIR)/fuzz/$$h -runs=0 -rss_limit_mb=2048 -timeout=60 \
	      -artifact_prefix=$(FUZZ_DIR)/ $$replay $$seeds > $(FUZZ_DIR)/$$h.replay.log 2>&1; then \
	    tail -40 $(FUZZ_DIR)/$$h.replay.log; echo "$$h: an input fails, see $(FUZZ_DIR)/"; exit 1; \
	  fi; \
	done

# Refreshes fuzz/corpus/ from the corpora `make fuzz` grew, minimised.
fuzz-corpus: fuzz-build
	@for h in $(FUZZ_HARNESSES); do \
	  merged=$(FUZZ_DIR)/merged/$$h; rm -rf $$merged; mkdir -p $$merged; \
	  [ ! -f fuzz/corpus/$$h.tar.xz ] || tar -xJf fuzz/corpus/$$h.tar.xz -C $$merged; \
	  mkdir -p $(FUZZ_DIR)/corpus/$$h; \
	  $(FUZZ_DIR)/fuzz/$$h -merge=1 -rss_limit_mb=2048 -timeout=20 $$merged $(FUZZ_DIR)/corpus/$$h \
	    > $(FUZZ_DIR)/$$h.merge.log 2>&1 || { tail -20 $(FUZZ_DIR)/$$h.merge.log; exit 1; }; \
	  tar -C $$merged -cf - . | xz -9 > fuzz/corpus/$$h.tar.xz; \
	  echo "$$h: $$(ls $$merged | wc -l) inputs"; \
	done

# Crash safety at full size: scan (and resolve) SIGKILLed KILLS times at
# random moments, resumed each time, compared with a clean run. `make test`
# runs the same script on a 2 MB share.
KILLS ?= 20
KILL_MB ?= 30
kill-resume: deps build
	tests/kill_resume.sh $(BUILD_DIR)/breachscope $(KILLS) $(KILL_MB)

# Scan MB/s and peak memory on a generated share (BENCH_MB, default 500).
BENCH_MB ?= 500
bench: deps build
	bench/scan_throughput.sh $(BENCH_MB)

# Precision and recall per category on a labelled generated share, and on
# Presidio's labelled sentences.
eval: deps build
	python3 bench/eval_detection.py --binary $(BUILD_DIR)/breachscope
	python3 bench/eval_presidio.py --binary $(BUILD_DIR)/breachscope

clean:
	rm -rf $(BUILD_DIR)
