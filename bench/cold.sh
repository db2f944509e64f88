#!/usr/bin/env bash
# bench/cold.sh checks issue 15's cold-build targets: `clause build` into a
# fresh folder at most 1.1x the bare loop with as many workers (the
# "2-worker floor" on a 2-core machine) at 1,000 and at 10,000 policies,
# linear in the number of policies, and under 150 MB peak RSS at 10,000.
# It runs bench/build.sh (paired runs, the order alternating) at each size
# and prints the median ratios, the peak RSS and, for linearity, the
# seconds per 1,000 policies at each size.
#
#   bench/cold.sh [-runs 5] [-sizes "1000 10000"] [-texts]
#   -texts: also the ratio to a bare loop that writes the same verifiable
#   texts per policy (index.md, index.txt, embed page; bench/build.sh -texts)
#   TMPDIR=/dev/shm SKIP_HUGO=1 bench/cold.sh    # on tmpfs, without hugo
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5 sizes="1000 10000" texts=
while [ $# -gt 0 ]; do
  case "$1" in
    -runs) runs=$2; shift 2 ;;
    -sizes) sizes=$2; shift 2 ;;
    -texts) texts=-texts; shift ;;
    *) echo "usage: bench/cold.sh [-runs R] [-sizes \"N1 N2 ...\"] [-texts]" >&2; exit 2 ;;
  esac
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
summary=()
for n in $sizes; do
  echo "== $n policies"
  : >"$log"
  SKIP_HUGO=1 bench/build.sh -n "$n" -runs "$runs" $texts | tee "$log"
  line=$(grep '^median:' "$log")
  secs=$(sed -E 's/.*clause ([0-9.]+) s.*/\1/' <<<"$line")
  summary+=("$n policies: ${line#median: }; $(echo "$secs * 1000 / $n" | bc -l | xargs printf '%.3f') s per 1,000 policies")
done
echo "== summary (targets: ratio <= 1.1 at every size, s per 1,000 policies flat, peak < 150 MB at 10,000)"
printf '%s\n' "${summary[@]}"
