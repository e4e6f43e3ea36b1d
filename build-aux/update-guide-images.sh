#!/usr/bin/env bash
# Takes the pictures of the user guide (docs/guide/images/*.png) again from
# the real window, in Chinese, with the GUI test that checks them
# (tests/gui/test-guide.c). Run it after changing what a page looks like.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${TZ_BUILDDIR:-$root/_build}
"$root/build-aux/build.sh"
TZ_GUIDE_IMAGES="$root/docs/guide/images" \
  xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
  meson test -C "$builddir" --suite gui guide
ls -l "$root/docs/guide/images"
