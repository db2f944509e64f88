#!/usr/bin/env bash
# bench/serve.sh times `clause serve` at 1,000 policies: for every kind
# of edit, the median from the write to the reload event of the page a
# browser shows (BenchmarkServeLatency in site/serve_bench_test.go), and
# whether it meets issue 15's target of 50 ms.
#
#   bench/serve.sh [-x 15] [-kinds 'content|title'] 
#   bench/serve.sh -pair OTHER_CHECKOUT [-x 30] [-rounds 5] [-kinds content]
#
# With -pair it runs the same sub-benchmarks in OTHER_CHECKOUT (another
# commit's tree, say `git worktree add /tmp/old e87c665`) and here in
# alternating rounds, and prints both medians per round. The corpus is
# written below TMPDIR (default /dev/shm when it exists).
set -euo pipefail
cd "$(dirname "$0")/.."

x=15 rounds=0 other="" kinds='content|template|fix-front-matter|title|metadata|layout|stylesheet|config|add|delete|break-front-matter'
while [ $# -gt 0 ]; do
  case "$1" in
    -x) x=$2; shift 2 ;;
    -kinds) kinds=$2; shift 2 ;;
    -pair) other=$(realpath "$2"); shift 2 ;;
    -rounds) rounds=$2; shift 2 ;;
    *) echo "usage: bench/serve.sh [-x N] [-kinds 'a|b'] [-pair OTHER_CHECKOUT [-rounds R]]" >&2; exit 2 ;;
  esac
done
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ]; then export TMPDIR=/dev/shm; fi

# medians DIR: runs the benchmark in the checkout DIR and prints
# "kind median-ms" lines.
medians() {
  (cd "$1" && go test ./site -run '^$' -bench "ServeLatency/($kinds)\$" -benchtime "${x}x") |
    awk '/^BenchmarkServeLatency\// {
      name = $1; sub(/^BenchmarkServeLatency\//, "", name); sub(/-[0-9]+$/, "", name)
      for (i = 2; i < NF; i++) if ($(i+1) == "ms-median") print name, $i
    }'
}

if [ -z "$other" ]; then
  printf '%-20s %10s  %s\n' edit median-ms "under 50 ms"
  medians . | while read -r kind ms; do
    printf '%-20s %10s  %s\n' "$kind" "$ms" "$(awk -v m="$ms" 'BEGIN { print (m < 50) ? "yes" : "no" }')"
  done
  exit 0
fi
[ "$rounds" -gt 0 ] || rounds=5
printf '%-6s %-20s %12s %12s\n' round edit other-ms this-ms
for r in $(seq "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then a=$(medians "$other"); b=$(medians .); else b=$(medians .); a=$(medians "$other"); fi
  join <(echo "$a" | sort) <(echo "$b" | sort) | while read -r kind ma mb; do
    printf '%-6s %-20s %12s %12s\n' "$r" "$kind" "$ma" "$mb"
  done
done
