#!/usr/bin/env bash
# Runs every fuzz target (tests/fuzz/fuzz-*.c) with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer for SECONDS each (default 120), starting from
# the corpus kept in tests/fuzz/corpus-<target>/, and merges the new inputs
# that add coverage back into it. A crash stops the run and leaves the input
# in the working folder it names; add it to the corpus once it is fixed, so
# that the normal test run (suite "fuzz") replays it for ever.
#   bench/fuzz.sh [SECONDS] [TARGET…]
# Needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-120}
shift || true
build=${TZ_FUZZ_BUILDDIR:-$root/_build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
  # The whole core is instrumented, not only the target, so that libFuzzer
  # sees the coverage of the readers themselves.
  CC=clang CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
    LDFLAGS="-fsanitize=address,undefined" \
    meson setup "$build" "$root" -Dfuzz=true -Dbuildtype=debugoptimized
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/tests/fuzz/fuzz-*.c; do
    t=${f##*/fuzz-}; t=${t%.c}
    [ "$t" = main ] || targets+=("$t")
  done
fi
ninja -C "$build" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}")
work=$(mktemp -d "${TMPDIR:-/tmp}/tz-fuzz-XXXXXX")
echo "# working in $work" >&2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_DEBUG=fatal-criticals LC_ALL=C.UTF-8
for t in "${targets[@]}"; do
  corpus=$root/tests/fuzz/corpus-$t
  mkdir -p "$work/$t"
  echo "== $t: $seconds s from $(ls "$corpus" | wc -l) inputs" >&2
  (cd "$work" && "$build/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -max_len=262144 \
    -timeout=10 -rss_limit_mb=2048 "$work/$t" "$corpus") 2>&1 | tail -n 3
  # Keep only what adds coverage, and small files.
  "$build/tests/fuzz/fuzz-$t" -merge=1 -max_len=65536 "$corpus" "$work/$t" >/dev/null 2>&1 || true
  echo "== $t: corpus now $(ls "$corpus" | wc -l) inputs" >&2
done
