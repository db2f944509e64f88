#!/usr/bin/env bash
# bench/versions.sh checks issue 15's target for versions: `clause build`
# of 1,000 policies x 5 versions at most 1.4x a floor with the same number
# of workers. It prints two ratios from paired runs (bench/build.sh
# -redlines): "ratio" against the bare loop, which renders the 5,000
# documents and nothing else, and "ratio_rl" against the bare loop with
# -redlines, which also writes the 4,000 changes pages' and 3,000
# comparison pages' redlines that such a site shows. The comparisons are
# work clause does that the plain floor does not, so the second ratio is
# the like-for-like one; both are reported.
#
#   bench/versions.sh [-n 1000] [-versions 4] [-runs 3]
#   TMPDIR=/dev/shm bench/versions.sh    # on tmpfs
set -euo pipefail
cd "$(dirname "$0")/.."

n=1000 versions=4 runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -versions) versions=$2; shift 2 ;;
    -runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/versions.sh [-n N] [-versions K] [-runs R]" >&2; exit 2 ;;
  esac
done
SKIP_HUGO=1 bench/build.sh -n "$n" -versions "$versions" -runs "$runs" -redlines
echo "targets: ratio_rl <= 1.4 (like for like); ratio is against a floor without the comparison pages"
