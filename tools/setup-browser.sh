#!/usr/bin/env bash
# Installs what the browser tests and the site benchmark need, and nothing else:
#   - Debian's Chromium (/usr/bin/chromium), driven by Playwright from PyPI (pinned in
#     pyproject.toml). Playwright never downloads a browser of its own here.
#   - poppler-utils: pdftoppm rasterises the printed booklets for their tests (QR codes, glyphs).
#   - fonts-noto-core: Noto Sans/Serif become the default sans-serif/serif, with every Vietnamese
#     glyph (precomposed tone marks, đ/Đ), metrically close to Roboto on Android phones.
#   - Java (already on the machine; default-jre-headless if missing) and Node.js/npm (already on
#     the machine; Debian's nodejs+npm if either is missing). Node (18 or later) also runs the
#     JavaScript tests, `node --test tests/js/*.test.mjs` in ./dev test.
#   - tools/node/node_modules from tools/node/package-lock.json with `npm ci --ignore-scripts`:
#     vnu-jar (the Nu HTML checker; its postinstall would download a Java, so scripts are off)
#     and lighthouse.
# Idempotent: when everything is there it only runs dpkg-query and compares one stamp file
# (well under a second). apt-get update runs only when a package has no install candidate or
# the first install attempt fails (stale lists).
# Usage: tools/setup-browser.sh            (as root for the Debian packages; ./dev browser-setup)
# Exit: 0 ready; 1 something is missing and could not be installed (message says what to do).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium fonts-noto-core poppler-utils)
NODE_DIR=tools/node
STAMP="$NODE_DIR/node_modules/.ocop-lock-sha256"

say() { printf 'setup-browser: %s\n' "$*" >&2; }

missing_debs() {
  local pkg
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" != installed ]; then
      printf '%s\n' "$pkg"
    fi
  done
}

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 126
  fi
}

apt_install() {
  # --no-install-recommends: chromium-common recommends a GL stack, upower, a print dialog...,
  # none of which headless tests use (~150 MB saved).
  local need_update=0 pkg policy
  for pkg in "$@"; do
    # Not `apt-cache policy | grep -q`: with pipefail, grep -q's early exit fails the pipe.
    policy=$(apt-cache policy "$pkg" 2>/dev/null || true)
    if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then need_update=1; fi
  done
  if [ "$need_update" = 1 ]; then
    say "apt-get update (no install candidate for: $*)"
    as_root apt-get update -qq
  fi
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
    say "apt-get install failed; retrying after apt-get update"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  fi
}

wanted=("${APT_PACKAGES[@]}")
command -v java >/dev/null 2>&1 || wanted+=(default-jre-headless)
{ command -v node && command -v npm; } >/dev/null 2>&1 || wanted+=(nodejs npm)
mapfile -t todo < <(missing_debs "${wanted[@]}")

status=0
if [ "${#todo[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
    say "missing Debian packages: ${todo[*]}"
    say "install them as root:  apt-get install -y --no-install-recommends ${todo[*]}"
    say "(or run ./dev browser-setup as root). Browser tests are skipped until then (they fail in CI)."
    status=1
  else
    say "installing Debian packages: ${todo[*]}"
    apt_install "${todo[@]}"
  fi
fi

if ! { command -v node && command -v npm; } >/dev/null 2>&1; then
  say "node or npm is missing, so vnu-jar and lighthouse cannot be installed; see above."
  exit 1
fi

lock_sha=$(sha256sum "$NODE_DIR/package-lock.json" | cut -c1-64)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$lock_sha" ]; then
  say "npm ci in $NODE_DIR (vnu-jar, lighthouse; pinned by package-lock.json)"
  # --ignore-scripts: vnu-jar's postinstall downloads a Java runtime, which fails here and is
  # not needed (the machine's java runs the jar).
  (cd "$NODE_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  printf '%s' "$lock_sha" >"$STAMP"
fi

for f in "$NODE_DIR/node_modules/vnu-jar/build/dist/vnu.jar" "$NODE_DIR/node_modules/lighthouse/cli/index.js"; do
  if [ ! -f "$f" ]; then say "expected $f after npm ci, not found"; status=1; fi
done
if [ "$status" = 0 ] && [ ! -x /usr/bin/chromium ]; then
  say "/usr/bin/chromium is missing although the chromium package is installed"; status=1
fi
exit "$status"
