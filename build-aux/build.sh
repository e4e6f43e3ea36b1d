#!/usr/bin/env bash
# Configures (once) and builds Taizhang in _build/ (or $TZ_BUILDDIR).
# Warnings are errors here, as in CI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${TZ_BUILDDIR:-$root/_build}

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$root" --werror
fi
meson compile -C "$builddir"
