#!/usr/bin/env bash
# The README's second command: install what is missing, build, run every test
# under a virtual display and a private session bus, and end with the line
# "N passed, N failed" (each test case counted once).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${TZ_BUILDDIR:-$root/_build}

"$root/build-aux/setup.sh" || exit 1
"$root/build-aux/build.sh" || { echo "0 passed, 1 failed"; exit 1; }

xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?

python3 "$root/build-aux/test-summary.py" "$builddir/meson-logs/testlog.json"
summary=$?
[ $status -eq 0 ] && [ $summary -eq 0 ]
