#!/bin/bash
# Every test of Numeria, as `make test` runs them (after the release and sanitizer builds):
#   1. unit tests of the domain and adapter tests (storage, web helpers, the job runner), under
#      AddressSanitizer + UndefinedBehaviorSanitizer (build/dev);
#   1b. libFuzzer targets (build/fuzz): each one ~20 s from its seeds, and every regression input once;
#   2. HTTP integration tests against the real `numeria serve`: on SQLite against the ASan+UBSan
#      server of build/dev (any sanitizer report fails the step), then on a PostgreSQL cluster this
#      script starts in a temporary folder and stops at the end, against the release server, with
#      the adapter tests again on that cluster;
#   4. browser tests (playwright-core + Debian's chromium + axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="$ROOT/build/release/numeria"
PYTHON=/usr/bin/python3
failed=()

section() { printf '\n== %s\n' "$1"; }
# Each step has a deadline (STEP_TIMEOUT seconds, 25 min by default, ~8x what one takes): a hung
# server or test fails its step, and the run goes on, instead of eating the whole CI budget.
step() {
    local name=$1
    shift
    if timeout --kill-after=30 "${STEP_TIMEOUT:-1500}" "$@"; then
        echo "[OK] $name"
    else
        local code=$?
        if [ "$code" -eq 124 ] || [ "$code" -eq 137 ]; then echo "[TIMEOUT] $name"; fi
        echo "[FAIL] $name"
        failed+=("$name")
    fi
}

PG_DIR=$(mktemp -d /tmp/numeria-pg.XXXXXX)
SAN_DIR=$(mktemp -d /tmp/numeria-sanitizers.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    scripts/pg_cluster.sh stop "$PG_DIR"
    rm -rf "$PG_DIR" "$SAN_DIR"
}

# Sanitized processes write their reports to files of $SAN_DIR (a server stopped by a test has no one
# reading its stderr); this step fails, showing them, if there is any.
no_sanitizer_reports() {
    if compgen -G "$SAN_DIR/*" >/dev/null; then
        head -c 20000 "$SAN_DIR"/*
        rm -f "$SAN_DIR"/*
        return 1
    fi
}
trap cleanup EXIT

section "lint"
step "lint" scripts/lint.sh

section "unit and adapter tests (ASan + UBSan)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Leaks of the libraries themselves (fontconfig's caches), never of our code: tests/sanitizers/lsan.supp.
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0"
step "unit-and-adapters" ctest --test-dir build/dev --output-on-failure -j 2 --timeout 300

section "fuzz (short runs)"
step "fuzz-regressions" scripts/run_fuzz.sh regressions
step "fuzz" scripts/run_fuzz.sh fuzz "${FUZZ_SHORT_SECONDS:-20}"

section "integration tests on SQLite (server under ASan + UBSan)"
step "integration-sqlite" env NUMERIA_BIN="$ROOT/build/dev/numeria" NUMERIA_TEST_ENGINE=sqlite \
    ASAN_OPTIONS="$ASAN_OPTIONS:log_path=$SAN_DIR/asan" UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$SAN_DIR/ubsan" \
    $PYTHON -m unittest discover -s tests/integration -t . -b
if no_sanitizer_reports; then echo "[OK] sanitizer-reports"; else echo "[FAIL] sanitizer-reports"; failed+=("sanitizer-reports"); fi

section "integration tests on PostgreSQL"
PG_URL=$(scripts/pg_cluster.sh start "$PG_DIR")
if [ -x build/dev/numeria_adapter_tests ]; then
    step "adapters-postgresql" env NUMERIA_TEST_POSTGRES_URL="$PG_URL" build/dev/numeria_adapter_tests \
        --gtest_brief=1 --gtest_filter='*postgresql*'
fi
step "integration-postgresql" env NUMERIA_BIN="$BIN" NUMERIA_TEST_ENGINE=postgresql NUMERIA_TEST_PG_DIR="$PG_DIR" \
    $PYTHON -m unittest discover -s tests/integration -t . -b

section "browser tests"
BROWSER_DIR=$(mktemp -d /tmp/numeria-browser.XXXXXX)
"$BIN" serve --port 0 --database "sqlite:$BROWSER_DIR/numeria.db" --secret-file "$BROWSER_DIR/secret.key" \
    --outbox-dir "$BROWSER_DIR/outbox" --insecure-fast-password-hashing --demo >"$BROWSER_DIR/server.log" 2>&1 &
SERVER_PID=$!
port=""
for _ in $(seq 1 100); do
    port=$(grep '"msg":"listening"' "$BROWSER_DIR/server.log" | grep -o '"port":[0-9]*' | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    sleep 0.1
done
if [ -z "$port" ]; then
    cat "$BROWSER_DIR/server.log"
    failed+=("browser (server did not start)")
else
    step "browser" env NUMERIA_OUTBOX="$BROWSER_DIR/outbox" node tests/browser/run.mjs "http://127.0.0.1:$port"
fi
kill "$SERVER_PID" && wait "$SERVER_PID" || true
SERVER_PID=""
rm -rf "$BROWSER_DIR"

echo
if [ ${#failed[@]} -ne 0 ]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "All tests passed."
