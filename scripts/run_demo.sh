#!/bin/sh
# `make run`: migrates the SQLite database under var/, loads the demo data on first start and
# serves http://127.0.0.1:8080 (NUMERIA_PORT and the other NUMERIA_* variables still apply).
set -eu
cd "$(dirname "$0")/.."
mkdir -p var
echo "Numeria : http://${NUMERIA_BIND:-127.0.0.1}:${NUMERIA_PORT:-8080}  (Ctrl+C pour arrêter)"
exec build/release/numeria serve --demo --database "${NUMERIA_DATABASE:-sqlite:var/numeria.db}" \
    --secret-file "${NUMERIA_SECRET_FILE:-var/secret.key}" --outbox-dir "${NUMERIA_OUTBOX_DIR:-var/outbox}"
