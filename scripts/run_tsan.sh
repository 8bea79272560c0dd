#!/bin/bash
# make tsan: the adapter tests, then the HTTP integration tests on SQLite, against the server built
# with ThreadSanitizer in build/tsan. Every report (data race, lock-order inversion, mutex misuse) of
# any process is written to a file; the run fails if there is one, and prints them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REPORTS=$(mktemp -d /tmp/numeria-tsan.XXXXXX)
trap 'rm -rf "$REPORTS"' EXIT
export TSAN_OPTIONS="second_deadlock_stack=1:suppressions=$ROOT/tests/sanitizers/tsan.supp:log_path=$REPORTS/tsan"
status=0
build/tsan/numeria_adapter_tests --gtest_brief=1 || status=1
NUMERIA_BIN="$ROOT/build/tsan/numeria" NUMERIA_TEST_ENGINE=sqlite \
    /usr/bin/python3 -m unittest discover -s tests/integration -t . -b || status=1
if compgen -G "$REPORTS/*" >/dev/null; then
    echo "ThreadSanitizer reports:"
    head -c 50000 "$REPORTS"/*
    status=1
fi
if [ "$status" -eq 0 ]; then echo "make tsan: no report, every test passed."; fi
exit $status
