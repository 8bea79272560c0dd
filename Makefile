# Numeria: the entry points. `make run` and `make test` work on a fresh Debian 12 machine.
.PHONY: all deps configure-release build build-server build-bench build-dev build-fuzz build-tsan run test tsan bench fuzz lint tidy format clean

SHELL := /bin/bash
JOBS ?= $(shell nproc)
RELEASE_DIR := build/release
DEV_DIR := build/dev
FUZZ_DIR := build/fuzz
TSAN_DIR := build/tsan
FUZZ_SECONDS ?= 300

all: build

deps:
	@scripts/install_deps.sh

configure-release: deps
	@cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DNUMERIA_WERROR=ON >/dev/null

# Everything in Release (server, unit and adapter tests, benchmarks) in build/release.
build: configure-release
	@cmake --build $(RELEASE_DIR) -j $(JOBS)

# Only the Release binary at build/release/numeria (the path scripts and checks use).
build-server: configure-release
	@cmake --build $(RELEASE_DIR) -j $(JOBS) --target numeria

# The Release binary and the micro-benchmarks (make bench).
build-bench: configure-release
	@cmake --build $(RELEASE_DIR) -j $(JOBS) --target numeria numeria_bench

# Everything but the benchmarks under AddressSanitizer + UndefinedBehaviorSanitizer (Debug): the
# unit and adapter tests, and the server the SQLite integration tests run against.
build-dev: deps
	@cmake -S . -B $(DEV_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNUMERIA_SANITIZE=ON -DNUMERIA_UNIT_ONLY=OFF \
		-DNUMERIA_WERROR=ON >/dev/null
	@cmake --build $(DEV_DIR) -j $(JOBS) --target numeria_unit_tests numeria_adapter_tests numeria

# The server and the adapter tests under ThreadSanitizer (make tsan).
build-tsan: deps
	@cmake -S . -B $(TSAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE= -DNUMERIA_TSAN=ON -DNUMERIA_WERROR=ON >/dev/null
	@cmake --build $(TSAN_DIR) -j $(JOBS) --target numeria numeria_adapter_tests

# libFuzzer targets (tests/fuzz) with clang, ASan and UBSan: only the domain libraries they need.
build-fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE= -DNUMERIA_FUZZ=ON \
		-DNUMERIA_WERROR=ON >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target numeria_fuzzers

run: build-server
	@scripts/run_demo.sh

test: build build-dev build-fuzz
	@JOBS=$(JOBS) scripts/run_tests.sh

# ThreadSanitizer: the adapter tests and the HTTP integration tests on SQLite against a TSan server;
# fails on any data race or lock-order report (README.md, "Sanitizers"). Not in make test: it
# needs a third build (~6.5 min on 2 cores) and ~3 min of tests.
tsan: build-tsan
	@scripts/run_tsan.sh

# Long fuzzing runs: every regression input once, then each target for FUZZ_SECONDS
# (make fuzz FUZZ_SECONDS=3600); fails if either part does.
fuzz: build-fuzz
	@status=0; scripts/run_fuzz.sh regressions || status=1; scripts/run_fuzz.sh fuzz $(FUZZ_SECONDS) || status=1; \
		exit $$status

bench: build-bench
	@scripts/bench.sh

# Layers, file sizes, clang-format, then clang-tidy over src/ (make tidy alone; .clang-tidy).
lint: deps
	@JOBS=$(JOBS) scripts/lint.sh

tidy: deps
	@scripts/tidy.py --jobs $(JOBS)

format:
	@find src tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
