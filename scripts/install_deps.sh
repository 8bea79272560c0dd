#!/bin/sh
# Installs everything Numeria needs on Debian 12: Debian packages first, then the
# npm packages pinned by package-lock.json. Skips apt entirely when all is present,
# so re-running `make test` costs nothing.
set -eu

PACKAGES="build-essential cmake ninja-build pkg-config ccache git clang clang-tidy libclang-rt-14-dev \
  libboost-dev libfmt-dev \
  libsoci-dev libsqlite3-dev libpq-dev postgresql \
  libmstch-dev nlohmann-json3-dev libxml2-dev \
  libzip-dev zipcmp zipmerge ziptool \
  libsodium-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core \
  libspdlog-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev libcurl4-openssl-dev \
  libexpected-dev libyaml-cpp-dev libcsv-dev libicu-dev libcmark-dev zlib1g-dev \
  python3 python3-aiosmtpd python3-yaml poppler-utils chromium wrk nginx-light curl sqlite3 gdb"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

# Node.js and npm: Debian's packages unless a Node.js with npm is already on the PATH
# (some machines carry an upstream nodejs package that conflicts with Debian's npm).
if ! command -v npm >/dev/null 2>&1; then
    missing="$missing nodejs npm"
fi

if [ -n "$missing" ]; then
    echo "install_deps: installing Debian packages:$missing"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# Front-end assets (DSFR) and browser-test tools, pinned by package-lock.json.
cd "$(dirname "$0")/.."
if [ -f package-lock.json ]; then
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    fi
fi
