#!/bin/bash
# `make bench`: HTTP throughput against the machine's ceiling, then the micro-benchmarks.
# One table: nginx serving a small static file on loopback (the ceiling), then numeria's
# GET /healthz and GET / (SQLite), measured with the same wrk settings in the same run.
# Figures are for comparison on this machine only; they are never pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/release/numeria
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
WORK=$(mktemp -d /tmp/numeria-bench.XXXXXX)
chmod 755 "$WORK"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk URL -> "req/s p99"
measure() {
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1")
    local rps p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local errors
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)
    echo "$rps $p99 ${errors:-}"
}

# 1. nginx, 2 workers, a 19-byte static file.
NGINX_PORT=$(free_port)
mkdir -p "$WORK/www"
printf '{"message":"hello"}' >"$WORK/www/hello.json"
chmod -R a+rX "$WORK/www"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location / { default_type application/json; }
    }
}
CONF
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
pids+=($!)

# 2. numeria on SQLite, 2 threads (the cores of this machine).
NUMERIA_PORT=$(free_port)
"$BIN" serve --port "$NUMERIA_PORT" --threads 2 --log-level warn --database "sqlite:$WORK/numeria.db" \
    --secret-file "$WORK/secret.key" >"$WORK/numeria.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
    curl -sf "http://127.0.0.1:$NUMERIA_PORT/healthz" >/dev/null && curl -sf "http://127.0.0.1:$NGINX_PORT/hello.json" >/dev/null && break
    sleep 0.1
done

echo "HTTP on loopback: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores shared by server and wrk"
printf '%-44s %12s %10s  %s\n' "target" "req/s" "p99" "notes"
for target in "nginx static 19 B|http://127.0.0.1:$NGINX_PORT/hello.json" \
              "numeria GET /healthz (SQLite SELECT 1)|http://127.0.0.1:$NUMERIA_PORT/healthz" \
              "numeria GET / (home page, mustache)|http://127.0.0.1:$NUMERIA_PORT/"; do
    label=${target%%|*}
    url=${target#*|}
    read -r rps p99 notes <<<"$(measure "$url")"
    printf '%-44s %12s %10s  %s\n' "$label" "$rps" "$p99" "${notes:-}"
done

if [ -x build/release/numeria_bench ]; then
    echo
    echo "Micro-benchmarks (Google Benchmark, single thread):"
    build/release/numeria_bench --benchmark_min_time=0.2
fi

# 3. Student-base import (docs/rules/student-import.md): a generated 3,000-pupil SIECLE export (lycée size), parsed and
# applied by `numeria students import` on SQLite; wall time of the whole command (process start,
# migrations check, parsing, one transaction), best of 3 on a fresh database, then a re-import.
echo
echo "Student-base import, 3,000 pupils, SQLite (wall time of the whole command, best of 3):"
python3 tests/support/make_siecle.py --uai 0759999Z --pupils 3000 --seed 3 "$WORK/lycee.xml"
# Milliseconds taken by a command (its output discarded).
elapsed_ms() {
    python3 -c 'import subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(round((time.perf_counter() - start) * 1000))' "$@"
}
best_first=999999
best_again=999999
for run in 1 2 3; do
    db="sqlite:$WORK/import-$run.db"
    "$BIN" org create --type SCO --name "Lycée de mesure" --uai 0759999Z --allow-nonstandard-uai --database "$db" >/dev/null
    first=$(elapsed_ms "$BIN" students import --org 0759999Z --database "$db" "$WORK/lycee.xml")
    again=$(elapsed_ms "$BIN" students import --org 0759999Z --database "$db" "$WORK/lycee.xml")
    [ "$first" -lt "$best_first" ] && best_first=$first
    [ "$again" -lt "$best_again" ] && best_again=$again
done
printf '%-44s %8s ms\n' "first import (3,000 new learners)" "$best_first"
printf '%-44s %8s ms\n' "same file again (3,000 unchanged)" "$best_again"

# 4. Account hardening (docs/rules/security.md): log-in time of a known and an unknown account with
# production argon2id (they must be alike), what a NAT of 30 pupils sees after 10 wrong passwords,
# and /healthz latency while 16 sign-up loops run.
echo
echo "Account hardening (production password hashing):"
NUMERIA_BIN="$(pwd)/$BIN" /usr/bin/python3 -m tests.bench.identity_figures timing nat healthz

# 5. Request path (docs/adr/0008-application-layer.md): the same page anonymous and signed in (target:
# a signed-in page costs at most 1.3x), the Orga students list (90 pupils), and the p99 of a cheap
# write alone and while 4 log-ins hash their passwords (target: under 50 ms).
echo
echo "Request path (SQLite, wrk -t2 -c16 -d8s; cost_ratio = anonymous req/s / signed-in req/s):"
NUMERIA_BIN="$(pwd)/$BIN" /usr/bin/python3 -m tests.bench.request_path_figures pages writes

# 6. Page weight (docs/rules/web.md "Compressed assets", "DSFR bundle"): the bytes a first visit of
# the home page transfers, as chromium counts them (compressed), at 1280 and 360 px.
echo
echo "Page weight (first visit, empty cache, bytes on the network):"
NODE_PATH="$(pwd)/node_modules" node tests/bench/first_visit.mjs "http://127.0.0.1:$NUMERIA_PORT" /

# 7. The answer hot path (docs/rules/learning.md "Answers"): 64 learners answering over HTTP at once on
# SQLite, each following the next question of its answers; compare with the nginx line of section 1.
echo
echo "Answers (64 concurrent learners over HTTP, SQLite, durable writes):"
NUMERIA_BIN="$(pwd)/$BIN" /usr/bin/python3 -m tests.bench.answer_figures 10
