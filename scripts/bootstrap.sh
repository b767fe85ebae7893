#!/usr/bin/env bash
# Installs, at pinned versions, only what is missing for building and testing
# the CU cost table. Idempotent: a second run takes seconds.
# Traps (verified): wasm-bindgen-cli must be installed WITHOUT --locked;
# never use Debian's binaryen (108 breaks wasm-bindgen output): npm binaryen@132.
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
PLAYWRIGHT_VERSION=1.64.1
AXE_VERSION=4.14.1
TANSTACK_VERSION=8.21.3
TERSER_VERSION=5.51.4
# Vite 7 (not 8: it needs npm 11, and some machines of this kind have npm 10):
# the e2e suite builds a fresh Vite app that installs pkg/ from its tarball.
VITE_VERSION=7.3.8
# React for examples/react, built and run by the e2e suite.
REACT_VERSION=19.3.1
TOOLS_DIR="${CU_TOOLS_DIR:-$HOME/.cache/cu-cost-table-tools}"

log() { printf '[bootstrap] %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust wasm target
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Chromium + chromedriver (Debian's)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 3. npm tools: binaryen (wasm-opt) and playwright-core
mkdir -p "$TOOLS_DIR"
if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] \
   || ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  log "installing npm binaryen@$BINARYEN_VERSION"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION" >/dev/null
fi
if [ ! -f "$TOOLS_DIR/node_modules/playwright-core/package.json" ] \
   || ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$TOOLS_DIR/node_modules/playwright-core/package.json"; then
  log "installing npm playwright-core@$PLAYWRIGHT_VERSION"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
fi

if [ ! -f "$TOOLS_DIR/node_modules/axe-core/package.json" ] \
   || ! grep -q "\"version\": \"$AXE_VERSION\"" "$TOOLS_DIR/node_modules/axe-core/package.json"; then
  log "installing npm axe-core@$AXE_VERSION"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "axe-core@$AXE_VERSION" >/dev/null
fi

if [ ! -f "$TOOLS_DIR/node_modules/@tanstack/table-core/package.json" ] \
   || ! grep -q "\"version\": \"$TANSTACK_VERSION\"" "$TOOLS_DIR/node_modules/@tanstack/table-core/package.json"; then
  log "installing npm @tanstack/table-core@$TANSTACK_VERSION (benchmark reference page)"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "@tanstack/table-core@$TANSTACK_VERSION" >/dev/null
fi

if [ ! -f "$TOOLS_DIR/node_modules/vite/package.json" ] \
   || ! grep -q "\"version\": \"$VITE_VERSION\"" "$TOOLS_DIR/node_modules/vite/package.json"; then
  log "installing npm vite@$VITE_VERSION (the e2e suite's bundler app)"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "vite@$VITE_VERSION" >/dev/null
fi

if [ ! -f "$TOOLS_DIR/node_modules/react-dom/package.json" ] \
   || ! grep -q "\"version\": \"$REACT_VERSION\"" "$TOOLS_DIR/node_modules/react-dom/package.json"; then
  log "installing npm react@$REACT_VERSION react-dom@$REACT_VERSION (examples/react)"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "react@$REACT_VERSION" "react-dom@$REACT_VERSION" >/dev/null
fi

if [ ! -f "$TOOLS_DIR/node_modules/terser/package.json" ] \
   || ! grep -q "\"version\": \"$TERSER_VERSION\"" "$TOOLS_DIR/node_modules/terser/package.json"; then
  log "installing npm terser@$TERSER_VERSION (minifies the package's JS glue)"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "terser@$TERSER_VERSION" >/dev/null
fi

# 4. cargo-installed CLIs
have_version() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! have_version wasm-pack "$WASM_PACK_VERSION"; then
  log "installing wasm-pack $WASM_PACK_VERSION"
  cargo install -q wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi
if ! have_version trunk "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION"
  cargo install -q trunk --version "$TRUNK_VERSION" --locked --force
fi
log "toolchain ready (tools in $TOOLS_DIR)"
