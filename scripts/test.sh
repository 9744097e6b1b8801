#!/usr/bin/env bash
# Runs every test: unit tests of each crate, then the integration and browser tests on
# SQLite, then again on PostgreSQL when ECOSSOL_TEST_POSTGRES_URL is set
# (for example postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
# The browser tests load the release bundle, the one users get.
scripts/build-site.sh wasm-release

# `app` is tested with `ssr` only: `ssr` and `hydrate` are never enabled together.
ECOSSOL_TEST_DATABASE=sqlite cargo test --locked -p app -p server -p tests --features app/ssr

if [ -n "${ECOSSOL_TEST_POSTGRES_URL:-}" ]; then
  echo "== integration and browser tests on PostgreSQL"
  # The same packages and features as above, so that nothing is compiled again; only the
  # tests that touch a database run twice (and the server's command-line tests, whose
  # target is also named `integration`: selecting it keeps the server binary, which the
  # crash tests run, built).
  ECOSSOL_TEST_DATABASE=postgres cargo test --locked -p app -p server -p tests --features app/ssr \
    --test integration --test browser
else
  echo "== PostgreSQL pass skipped: ECOSSOL_TEST_POSTGRES_URL is not set"
fi
