#!/usr/bin/env bash
# bench/rebuild.sh times rebuilds over an existing output against a fresh
# build, as whole processes in rotating order: A rebuilds with another
# clause binary (say, a commit before a change), B rebuilds with this
# checkout's, F builds with this checkout's into a folder that does not
# exist. It prints wall seconds per round; compare B with F (issue 15:
# within 10 %) and A with B.
#
#   bench/rebuild.sh [-n 1000] [-runs 6] OTHER_CLAUSE_BINARY
#   TMPDIR=/dev/shm bench/rebuild.sh ...   # on tmpfs
set -euo pipefail
cd "$(dirname "$0")/.."

n=1000 runs=6
while [ $# -gt 1 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -runs) runs=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: bench/rebuild.sh [-n N] [-runs R] OTHER_CLAUSE_BINARY" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/rebuild.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
other=$(realpath "$1")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/clause" ./cmd/clause
go run ./bench/gencorpus -n "$n" -out "$work/corpus"

# build BINARY DEST: one build, its wall seconds on stdout.
build() {
  sync
  /usr/bin/time -f %e -o "$work/t" "$1" build --quiet --source "$work/corpus" --destination "$2" --now 2025-12-01
  cat "$work/t"
}
build "$other" "$work/out-A" >/dev/null
build "$work/clause" "$work/out-B" >/dev/null
for i in $(seq "$runs"); do
  case $((i % 3)) in 0) order="A B F" ;; 1) order="B F A" ;; 2) order="F A B" ;; esac
  for x in $order; do
    case $x in
      A) printf 'A=%s ' "$(build "$other" "$work/out-A")" ;;
      B) printf 'B=%s ' "$(build "$work/clause" "$work/out-B")" ;;
      F) rm -rf "$work/out-F"; printf 'F=%s ' "$(build "$work/clause" "$work/out-F")" ;;
    esac
  done
  echo
done
