#!/bin/bash
# One lint entry point, so a developer runs every check the CI runs with one command
# (CONTRIBUTING.md): prints [OK] or [FAIL] per check.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
check() {
    local name=$1
    shift
    local output
    if output=$("$@" 2>&1); then
        echo "[OK] $name"
    else
        echo "[FAIL] $name"
        echo "$output" | head -40 | sed 's/^/    /'
        status=1
    fi
}

sources() { find src tests -name '*.cpp' -o -name '*.hpp' | sort; }

file_length() {
    local bad=0
    while read -r file; do
        local lines
        lines=$(wc -l <"$file")
        if [ "$lines" -gt 600 ]; then echo "$file: $lines lines (limit 600)"; bad=1; fi
    done < <(sources)
    return $bad
}

no_using_namespace_in_headers() {
    ! grep -n "^using namespace" $(find src -name '*.hpp')
}

no_cout_outside_app() {
    ! grep -n "std::cout" $(find src -name '*.cpp' -o -name '*.hpp' | grep -v '^src/app/')
}

newline_at_end() {
    local bad=0
    while read -r file; do
        if [ -s "$file" ] && [ "$(tail -c1 "$file" | od -An -c | tr -d ' ')" != '\n' ]; then
            echo "$file: no newline at end of file"
            bad=1
        fi
    done < <(sources)
    return $bad
}

check "layers (scripts/check_layers.py)" /usr/bin/python3 scripts/check_layers.py
check "citations inside the repository (scripts/check_citations.py)" /usr/bin/python3 scripts/check_citations.py
check "file length <= 600 lines" file_length
check "no 'using namespace' in headers" no_using_namespace_in_headers
check "no std::cout outside src/app" no_cout_outside_app
check "newline at end of file" newline_at_end
if command -v clang-format >/dev/null; then
    check "clang-format" clang-format --dry-run -Werror $(sources)
fi
# clang-tidy over src/ (.clang-tidy; `make tidy` alone): the longest check, so the last one.
# SKIP_TIDY=1 leaves it out.
if [ "${SKIP_TIDY:-0}" != 1 ]; then
    if tidy_output=$(/usr/bin/python3 scripts/tidy.py --jobs "${JOBS:-$(nproc)}" 2>&1); then
        echo "[OK] clang-tidy ($(tail -1 <<<"$tidy_output" | sed 's/^clang-tidy: //'))"
    else
        echo "[FAIL] clang-tidy"
        echo "$tidy_output" | grep -v '^$' | head -80 | sed 's/^/    /'
        status=1
    fi
fi
exit $status
