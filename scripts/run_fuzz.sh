#!/bin/bash
# Runs the libFuzzer targets of tests/fuzz, built by `make build-fuzz` into build/fuzz (README.md,
# "Fuzzing"):
#   scripts/run_fuzz.sh regressions     every input of tests/fuzz/regressions/<name>/ once: none may fail;
#   scripts/run_fuzz.sh fuzz SECONDS    each target for SECONDS, from its seeds (tests/fuzz/corpus/<name>/)
#                                       and what earlier runs found (build/fuzz/work/<name>/, not committed).
# A crash, a leak, undefined behaviour, a broken check, a 25 s input or 2 GB of memory stops the target;
# libFuzzer saves the input as build/fuzz/artifacts/<name>-crash-… (or leak-, timeout-, oom-).
# One line per target, the log's end when it fails; exit 1 if any target failed.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=build/fuzz
mode=${1:-}
seconds=${2:-20}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$BUILD/logs" "$BUILD/artifacts"

failed=()
# report STATUS NAME WHAT LOG [INPUT]: one line, and what matters of the log when the run failed.
report() {
    if [ "$1" -eq 0 ]; then
        echo "[OK] $2: $3"
        return
    fi
    echo "[FAIL] $2: $3 (log: $4)"
    grep -E '^(==[0-9]+== ?ERROR|numeria: |SUMMARY|artifact_prefix|Test unit written)|^ +#[0-9]+ ' "$4" |
        grep -vE 'fuzzer::|__sanitizer|libc\.so|nptl/|raise\.c|abort\.c|assertion_failed' | cut -c1-160 | head -12 |
        sed 's/^/    /'
    failed+=("$2${5:+/$5}")
}

for source in tests/fuzz/*_fuzz.cpp; do
    name=$(basename "$source" _fuzz.cpp)
    binary="$BUILD/${name}_fuzz"
    log="$BUILD/logs/$name-fuzz.log"
    if [ ! -x "$binary" ]; then
        echo "[FAIL] $name: $binary is missing (make build-fuzz)"
        failed+=("$name")
        continue
    fi
    options=(-timeout=25 -rss_limit_mb=2048 "-artifact_prefix=$BUILD/artifacts/$name-")
    dict="tests/fuzz/$name.dict"
    [ -f "$dict" ] && options+=("-dict=$dict")
    case "$mode" in
    regressions)
        for input in tests/fuzz/regressions/"$name"/*; do
            [ -e "$input" ] || continue
            log="$BUILD/logs/$name-regression-$(basename "$input").log"
            ("$binary" "${options[@]}" "$input" >"$log" 2>&1; exit $?) 2>/dev/null
            report $? "$name" "$(basename "$input")" "$log" "$(basename "$input")"
        done
        ;;
    fuzz)
        mkdir -p "$BUILD/work/$name"
        ("$binary" "${options[@]}" -max_total_time="$seconds" -print_final_stats=1 \
            "$BUILD/work/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1; exit $?) 2>/dev/null
        status=$?
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
        report $status "$name" "up to ${seconds} s: ${runs:-?} runs, ${cov:-cov: ?}" "$log"
        ;;
    *)
        echo "usage: scripts/run_fuzz.sh regressions | fuzz SECONDS" >&2
        exit 2
        ;;
    esac
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz failures: ${failed[*]}"; exit 1; }
