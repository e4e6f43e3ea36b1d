#!/usr/bin/env bash
# The README's first command: install what is missing, build, and start the
# application on its default database ($XDG_DATA_HOME/taizhang/taizhang.db).
# Extra arguments go to taizhang, e.g. --db PATH.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builddir=${TZ_BUILDDIR:-$root/_build}

"$root/build-aux/setup.sh"
"$root/build-aux/build.sh"
export GSETTINGS_SCHEMA_DIR="$builddir/data"
exec "$builddir/src/gui/taizhang" "$@"
