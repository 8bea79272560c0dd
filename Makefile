# Numeria: the entry points. `make run` and `make test` work on a fresh Debian 12 machine.
.PHONY: all deps build build-dev run test test-unit test-integration test-browser bench lint format clean

SHELL := /bin/bash
JOBS ?= $(shell nproc)
RELEASE_DIR := build/release
DEV_DIR := build/dev

all: build

deps:
	@scripts/install_deps.sh

# Release binary at build/release/numeria (the path scripts and checks use).
build: deps
	@cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DNUMERIA_WERROR=ON >/dev/null
	@cmake --build $(RELEASE_DIR) -j $(JOBS)

# Domain libraries and unit tests under AddressSanitizer + UndefinedBehaviorSanitizer.
build-dev: deps
	@cmake -S . -B $(DEV_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNUMERIA_SANITIZE=ON -DNUMERIA_UNIT_ONLY=ON \
		-DNUMERIA_WERROR=ON >/dev/null
	@cmake --build $(DEV_DIR) -j $(JOBS) --target numeria_unit_tests

run: build
	@scripts/run_demo.sh

test: build build-dev
	@scripts/run_tests.sh

bench: build
	@scripts/bench.sh

lint:
	@scripts/lint.sh

format:
	@find src tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
