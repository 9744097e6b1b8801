#!/usr/bin/env bash
# Builds Ecossol in release mode and serves it with the embedded defaults
# (SQLite and Meilisearch under ./data) on http://127.0.0.1:3000, or ECOSSOL_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh run
scripts/build-site.sh wasm-release
cargo build --locked --release -p server
# A new user sees a living catalogue at once: the demo directory fills an empty database,
# with one demo account per role, whose addresses and password it prints (again on each run).
"${CARGO_TARGET_DIR:-target}/release/server" seed-demo --if-empty
exec "${CARGO_TARGET_DIR:-target}/release/server" serve
