#!/usr/bin/env bash
# Rewrites po/POTFILES.in: every source file with a translatable message.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Files with translatable messages; regenerate with build-aux/update-potfiles.sh"
  grep -lE '\b(N?_|C_|NC_) ?\(' src/*/*.c | sort
  grep -l 'translatable="yes"' ui/*.ui 2>/dev/null | sort || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null | sort || true
} > po/POTFILES.in
