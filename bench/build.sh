#!/usr/bin/env bash
# bench/build.sh times `clause build` against the bare loop (front matter +
# goldmark + one write per policy, with as many workers as clause renders
# with: GOMAXPROCS) on the same generated corpus, as whole
# processes, in alternating pairs, and reports wall time and peak RSS from
# /usr/bin/time -v. If hugo is installed it is timed too (SKIP_HUGO=1 skips it).
#
#   bench/build.sh [-n 1000] [-versions 0] [-runs 5] [-over]
#   -over: every clause run replaces the output of the one before (built
#   once, untimed, before the first), as a rebuild in a checkout does
#   TMPDIR=/dev/shm bench/build.sh ...   # on tmpfs, without the disk's mkdir cost
set -euo pipefail
cd "$(dirname "$0")/.."

n=1000 versions=0 runs=5 over=
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -versions) versions=$2; shift 2 ;;
    -runs) runs=$2; shift 2 ;;
    -over) over=1; shift ;;
    *) echo "usage: bench/build.sh [-n N] [-versions K] [-runs R] [-over]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/build.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/clause" ./cmd/clause
go build -o "$work/bareloop" ./bench/bareloop
go run ./bench/gencorpus -n "$n" -versions "$versions" -out "$work/corpus"
echo "corpus: $n policies x $((versions + 1)) versions, $(du -sh "$work/corpus/content" | cut -f1); bare loop with ${GOMAXPROCS:-$(nproc)} workers"

# measure NAME CMD...: runs CMD under /usr/bin/time and prints "seconds kilobytes".
measure() {
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  echo "$wall $rss"
}

# bare: flat files in one folder (the issue's loop); bare_dirs: the same
# loop writing <policy>/index.html, the folder-per-page layout every site
# generator writes (mkdir is expensive on some file systems).
printf '%-4s %8s %10s %9s %10s %10s %10s %10s\n' run bare_s bare_dirs clause_s ratio ratio_dirs clause_MB bare_MB
[ -n "$over" ] && "$work/clause" build --quiet --source "$work/corpus" --destination "$work/public" --now 2025-12-01
for i in $(seq "$runs"); do
  rm -rf "$work/bare" "$work/bare-dirs"
  [ -n "$over" ] || rm -rf "$work/public"
  read -r bw br < <(measure "$work/bareloop" -source "$work/corpus" -out "$work/bare")
  read -r dw dr < <(measure "$work/bareloop" -dirs -source "$work/corpus" -out "$work/bare-dirs")
  read -r cw cr < <(measure "$work/clause" build --quiet --source "$work/corpus" --destination "$work/public" --now 2025-12-01)
  printf '%-4s %8.2f %10.2f %9.2f %10.2f %10.2f %10.1f %10.1f\n' "$i" "$bw" "$dw" "$cw" "$(echo "$cw / $bw" | bc -l)" \
    "$(echo "$cw / $dw" | bc -l)" "$(echo "$cr / 1024" | bc -l)" "$(echo "$br / 1024" | bc -l)"
done
if [ -z "${SKIP_HUGO:-}" ] && command -v hugo >/dev/null; then
  echo "hugo $(hugo version | cut -d' ' -f2) on the same content:"
  mkdir -p "$work/hugo/layouts/_default" && cp -r "$work/corpus/content" "$work/hugo/"
  printf 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS"]\n' > "$work/hugo/hugo.toml"
  printf '<!doctype html><title>{{ .Title }}</title><nav>{{ .TableOfContents }}</nav><main>{{ .Content }}</main>\n' > "$work/hugo/layouts/_default/single.html"
  printf '<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n' > "$work/hugo/layouts/_default/list.html"
  for i in $(seq "$runs"); do
    rm -rf "$work/hugo-out"
    read -r hw hr < <(measure hugo --source "$work/hugo" --destination "$work/hugo-out" --quiet)
    printf 'hugo run %s: %.2f s, %.1f MB\n' "$i" "$hw" "$(echo "$hr / 1024" | bc -l)"
  done
fi
