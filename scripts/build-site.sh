#!/usr/bin/env bash
# Builds the browser side of Ecossol into target/site: the hydrate crate compiled to
# WebAssembly, its JS glue (wasm-bindgen), size-optimised (wasm-opt from npm binaryen), and
# the stylesheet. The server serves target/site/pkg at /pkg.
#
# Usage: scripts/build-site.sh [wasm-release|dev]    (default wasm-release)
#
# This does what `cargo leptos build` does for the front end, without needing the
# cargo-leptos binary (a 20-minute install on 2 cores); see the README.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-wasm-release}
case "$profile" in
  dev) out_dir=debug ;;
  *) out_dir=$profile ;;
esac
export PATH="$PWD/node_modules/.bin:$PATH"
target_dir=${CARGO_TARGET_DIR:-target}
site=$target_dir/site
pkg=$site/pkg
wasm=$target_dir/wasm32-unknown-unknown/$out_dir/frontend.wasm

cargo build --locked -p frontend --lib --target wasm32-unknown-unknown --profile "$profile"

mkdir -p "$pkg"
if [ ! -f "$pkg/ecossol_bg.wasm" ] || [ "$wasm" -nt "$pkg/ecossol_bg.wasm" ] \
   || [ ! -f "$pkg/.profile" ] || [ "$(cat "$pkg/.profile")" != "$profile" ]; then
  echo "wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2) → $pkg"
  wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name ecossol "$wasm"
  if [ "$profile" != dev ]; then
    echo "wasm-opt -Oz ($(wasm-opt --version))"
    wasm-opt -Oz \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$pkg/ecossol_bg.wasm" -o "$pkg/ecossol_bg.wasm"
  fi
  echo "$profile" > "$pkg/.profile"
fi

# One stylesheet: main.css first, then the area files in name order.
{
  cat style/main.css
  for css in style/*.css; do
    [ "$css" = style/main.css ] || cat "$css"
  done
} > "$pkg/ecossol.css.tmp"
mv "$pkg/ecossol.css.tmp" "$pkg/ecossol.css"
if [ -d public ]; then cp -R public/. "$site/"; fi

raw=$(stat -c %s "$pkg/ecossol_bg.wasm")
gz=$(gzip -9 -c "$pkg/ecossol_bg.wasm" | wc -c)
echo "site ready in $site (WASM $((raw / 1024)) KiB, $((gz / 1024)) KiB gzip, profile $profile)"
