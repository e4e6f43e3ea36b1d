#!/usr/bin/env bash
# The C sources follow the repository's .clang-format (run clang-format -i to fix).
set -u
cd "${TZ_SOURCE_DIR:?}"
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find src tests bench -name '*.[ch]')
echo "1..1"
if ! command -v clang-format >/dev/null; then
  echo "not ok 1 clang-format is not installed (build-aux/setup.sh installs it)"; exit 1
fi
if out=$(clang-format --dry-run -Werror $files 2>&1); then
  echo "ok 1 $(echo "$files" | wc -w) C files follow .clang-format"
else
  echo "not ok 1 files differ from .clang-format; run: clang-format -i \$(git ls-files '*.[ch]')"
  echo "$out" | grep -E 'error:' | cut -d: -f1 | sort -u | sed 's/^/# /'
  exit 1
fi
