#!/usr/bin/env bash
# bench/history.sh times `clause build --history git` as a whole process on
# a generated repository shaped like a real policy repository's history
# (bench/genhistory: 350 policies, 4,000 commits by default), and reports
# wall time, CPU time and peak RSS from /usr/bin/time -v. Each round also
# times a plain build of the same checkout (no history: one page per
# policy), the order alternating, and the last line gives the median of
# history / plain (issue 15: at most 4 at 100 policies x 2,000 commits,
# `-policies 100 -commits 2000`). The history build writes dozens of
# version, changes and comparison pages per policy where the plain build
# writes one, so the ratio counts that rendering too; the "git" figure is
# the part spent reading and parsing the history (load and assemble, timed
# in-process by `go test ./site -run '^$' -bench GitHistoryPhases`).
#
#   bench/history.sh [-policies 350] [-commits 4000] [-runs 5]
#   TMPDIR=/dev/shm bench/history.sh ...   # on tmpfs
set -euo pipefail
cd "$(dirname "$0")/.."

policies=350 commits=4000 runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    -policies) policies=$2; shift 2 ;;
    -commits) commits=$2; shift 2 ;;
    -runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/history.sh [-policies N] [-commits K] [-runs R]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/history.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/clause" ./cmd/clause
go run ./bench/genhistory -policies "$policies" -commits "$commits" -out "$work/repo"
echo "repository: $policies policies, $(git -C "$work/repo" rev-list --count HEAD) commits, $(du -sh "$work/repo/.git" | cut -f1) in .git"

# plain: one build without history, its wall seconds on stdout.
plain() {
  rm -rf "$work/plain"
  /usr/bin/time -f %e -o "$work/plain.txt" "$work/clause" build --quiet --source "$work/repo" --destination "$work/plain" \
    --history files --now 2026-01-01
  cat "$work/plain.txt"
}

printf '%-4s %8s %8s %8s %10s %7s %8s %8s\n' run wall_s user_s sys_s peak_MB pages plain_s ratio
: >"$work/ratios"
for i in $(seq "$runs"); do
  rm -rf "$work/public"
  [ $((i % 2)) -eq 0 ] && p=$(plain)
  /usr/bin/time -v -o "$work/time.txt" "$work/clause" build --source "$work/repo" --destination "$work/public" \
    --history git --now 2026-01-01 >"$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; exit 1; }
  [ $((i % 2)) -eq 1 ] && p=$(plain)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  pages=$(grep -o 'built [0-9]* pages' "$work/out.txt" | grep -o '[0-9]*')
  printf '%-4s %8.2f %8.2f %8.2f %10.1f %7s %8.2f %8.2f\n' "$i" "$wall" "$user" "$sys" "$(echo "$rss / 1024" | bc -l)" "$pages" "$p" "$(echo "$wall / $p" | bc -l)"
  echo "$(echo "$wall / $p" | bc -l) $wall" >>"$work/ratios"
done
# median COLUMN: the median of one column of $work/ratios.
median() { awk -v c="$1" '{print $c}' "$work/ratios" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
printf 'median: history %.2f s, history / plain %.2f (load: %s)\n' "$(median 2)" "$(median 1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
