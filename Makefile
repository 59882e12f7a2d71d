# breachscope: set-up, build, tests and the demo. See README.md.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

# Debian 12 packages the build, the tests and the demo need. Kept in one
# place; README.md says what each is for.
DEBIAN_PACKAGES := \
  cmake g++ make pkg-config python3 \
  libvectorscan-dev libarchive-dev libsqlite3-dev libphonenumber-dev \
  nlohmann-json3-dev libpugixml-dev libcli11-dev \
  libgtest-dev libgmock-dev libbenchmark-dev \
  zip p7zip-full xz-utils bzip2 time

.PHONY: deps build test demo bench fuzz clean

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

clean:
	rm -rf $(BUILD_DIR)
