#!/usr/bin/env bash
# Reports against what clerks use today, measured in one run on one machine:
#   - 1 000 personal forms (推荐表) with photos and seals into one PDF;
#   - the entry catalogue of 100 000 entries as xlsx: taizhang-cli (libxlsxwriter,
#     constant memory) against Python's xlsxwriter writing the same rows;
#   - the catalogue of 10 000 entries as PDF: taizhang-cli against LibreOffice
#     converting the same catalogue's xlsx (soffice --headless --convert-to pdf).
# Prints a table of seconds and peak memory (GNU time) with the ratios.
# Needs python3-xlsxwriter and libreoffice-calc-nogui (apt-get install them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TZ_BUILDDIR:-$root/_build}
cli=$build/src/cli/taizhang-cli
out=$(mktemp -d)
export LC_ALL=C.UTF-8

measure() { # label, command…  → "label<TAB>seconds<TAB>peak MiB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/err" || { cat "$out/err" >&2; return 1; }
  read -r secs kib <"$out/time"
  printf '%s\t%s\t%.0f\n' "$label" "$secs" "$((kib / 1024))"
}

echo "# working in $out" >&2
"$build/bench/tz-bench-reports" --people 1000 --dir "$out/forms" >"$out/forms.log"
forms=$(grep '^personal forms' "$out/forms.log")

"$build/bench/tz-bench-generate" --db "$out/big.db" --people 50000 --entries 100000 --units 300 >/dev/null
"$build/bench/tz-bench-generate" --db "$out/small.db" --people 5000 --entries 10000 --units 100 >/dev/null

{
  measure "catalogue 100 000 rows → xlsx, taizhang-cli" "$cli" --db "$out/big.db" report catalogue --campaign 1 --format xlsx --output "$out/cat.xlsx"
  measure "catalogue 100 000 rows → xlsx, python3-xlsxwriter" /usr/bin/python3 "$root/bench/xlsxwriter-catalogue.py" "$out/big.db" "$out/cat-py.xlsx"
  measure "catalogue 10 000 rows → PDF, taizhang-cli" "$cli" --db "$out/small.db" report catalogue --campaign 1 --format pdf --output "$out/cat.pdf"
  "$cli" --db "$out/small.db" report catalogue --campaign 1 --format xlsx --output "$out/cat-small.xlsx"
  measure "catalogue 10 000 rows xlsx → PDF, LibreOffice" soffice --headless --convert-to pdf --outdir "$out/lo" "$out/cat-small.xlsx"
} >"$out/table"

echo "| what | seconds | peak memory |"
echo "| --- | --- | --- |"
awk -F'\t' '{printf "| %s | %s s | %s MiB |\n", $1, $2, $3}' "$out/table"
echo
echo "$forms"
awk -F'\t' 'NR==1{a=$2} NR==2{b=$2} NR==3{c=$2} NR==4{d=$2} END{printf "ratios: xlsx python/taizhang %.1f×, PDF LibreOffice/taizhang %.1f×\n", b/a, d/c}' "$out/table"
