#!/usr/bin/env bash
# bench/rebuild.sh times rebuilds over an existing output against a fresh
# build, as whole processes in rotating order: A rebuilds with another
# clause binary (say, a commit before a change), B rebuilds with this
# checkout's, F builds with this checkout's into a folder that does not
# exist. It prints wall seconds per round and, at the end, the median of
# B / F (issue 15: at most 1.10) and of A / B, each in wall time and in
# CPU time (user + sys, in brackets). Without OTHER_CLAUSE_BINARY it times
# only B and F.
#
#   bench/rebuild.sh [-n 1000] [-runs 6] [OTHER_CLAUSE_BINARY]
#   TMPDIR=/dev/shm bench/rebuild.sh ...   # on tmpfs
set -euo pipefail
cd "$(dirname "$0")/.."

n=1000 runs=6
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -runs) runs=$2; shift 2 ;;
    -*) echo "usage: bench/rebuild.sh [-n N] [-runs R] [OTHER_CLAUSE_BINARY]" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -le 1 ] || { echo "usage: bench/rebuild.sh [-n N] [-runs R] [OTHER_CLAUSE_BINARY]" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/rebuild.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
other=
[ $# -eq 1 ] && other=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/clause" ./cmd/clause
go run ./bench/gencorpus -n "$n" -out "$work/corpus"

# build BINARY DEST: one build; its wall seconds, then user + sys seconds,
# on stdout.
build() {
  sync
  /usr/bin/time -f '%e %U %S' -o "$work/t" "$1" build --quiet --source "$work/corpus" --destination "$2" --now 2025-12-01
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/t"
}
[ -n "$other" ] && build "$other" "$work/out-A" >/dev/null
build "$work/clause" "$work/out-B" >/dev/null
: >"$work/ratios"
for i in $(seq "$runs"); do
  case $((i % 3)) in 0) order="A B F" ;; 1) order="B F A" ;; 2) order="F A B" ;; esac
  a="0 0"
  for x in $order; do
    case $x in
      A) [ -n "$other" ] || continue; a=$(build "$other" "$work/out-A"); printf 'A=%s [%s] ' $a ;;
      B) b=$(build "$work/clause" "$work/out-B"); printf 'B=%s [%s] ' $b ;;
      F) rm -rf "$work/out-F"; f=$(build "$work/clause" "$work/out-F"); printf 'F=%s [%s] ' $f ;;
    esac
  done
  echo
  set -- $a $b $f
  echo "$(echo "$3 / $5" | bc -l) $(echo "$1 / $3" | bc -l) $(echo "$4 / $6" | bc -l) $(echo "$2 / $4" | bc -l)" >>"$work/ratios"
done
# median COLUMN: the median of one column of $work/ratios.
median() { awk -v c="$1" '{print $c}' "$work/ratios" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
printf 'median B/F %.2f [%.2f]' "$(median 1)" "$(median 3)"
[ -n "$other" ] && printf ', A/B %.2f [%.2f]' "$(median 2)" "$(median 4)"
echo " (load: $(cut -d' ' -f1-3 /proc/loadavg))"
