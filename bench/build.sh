#!/usr/bin/env bash
# bench/build.sh times `clause build` against the bare loop (front matter +
# goldmark + one write per policy, with as many workers as clause renders
# with: GOMAXPROCS) on the same generated corpus, as whole
# processes, in alternating pairs, and reports wall time and peak RSS from
# /usr/bin/time -v. If hugo is installed it is timed too (SKIP_HUGO=1 skips it).
#
#   bench/build.sh [-n 1000] [-versions 0] [-runs 5] [-over] [-redlines | -texts]
#   -over: every clause run replaces the output of the one before (built
#   once, untimed, before the first), as a rebuild in a checkout does
#   -redlines: also time the bare loop that compares each policy's versions
#   (bareloop -redlines), the floor once comparison pages count as work
#   -texts: also time the bare loop that writes each policy's Markdown, plain
#   text and embeddable page beside it (bareloop -texts), the floor once the
#   verifiable texts count as work (columns and ratios named _tx)
# The last lines give the medians of the ratios over the runs. cpu_ratio
# compares user + system time (against the flat bare loop): on a machine
# shared with other jobs it moves less with their load than wall time.
#   TMPDIR=/dev/shm bench/build.sh ...   # on tmpfs, without the disk's mkdir cost
set -euo pipefail
cd "$(dirname "$0")/.."

n=1000 versions=0 runs=5 over= extra= xflag=-redlines x=rl
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -versions) versions=$2; shift 2 ;;
    -runs) runs=$2; shift 2 ;;
    -over) over=1; shift ;;
    -redlines) [ -z "$extra" ] || floors=2; extra=1; shift ;;
    -texts) [ -z "$extra" ] || floors=2; extra=1 xflag=-texts x=tx; shift ;;
    *) echo "usage: bench/build.sh [-n N] [-versions K] [-runs R] [-over] [-redlines | -texts]" >&2; exit 2 ;;
  esac
done
[ "${floors:-1}" = 1 ] || { echo "bench/build.sh: -redlines and -texts are two floors; choose one" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/build.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/clause" ./cmd/clause
go build -o "$work/bareloop" ./bench/bareloop
go run ./bench/gencorpus -n "$n" -versions "$versions" -out "$work/corpus"
echo "corpus: $n policies x $((versions + 1)) versions, $(du -sh "$work/corpus/content" | cut -f1); bare loop with ${GOMAXPROCS:-$(nproc)} workers"

# measure CMD...: runs CMD under /usr/bin/time and prints "seconds
# kilobytes cpu_seconds" (wall time, peak RSS, user + system time).
measure() {
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {print s}' "$work/time.txt")
  echo "$wall $rss $cpu"
}

# bare: flat files in one folder (the issue's loop); bare_dirs: the same
# loop writing <policy>/index.html, the folder-per-page layout every site
# generator writes (mkdir is expensive on some file systems).
printf '%-4s %8s %10s %9s %10s %10s %10s %10s' run bare_s bare_dirs clause_s ratio ratio_dirs clause_MB bare_MB
[ -n "$extra" ] && printf ' %10s %10s' "bare_${x}_s" "ratio_$x"
printf ' %9s\n' cpu_ratio
[ -n "$over" ] && "$work/clause" build --quiet --source "$work/corpus" --destination "$work/public" --now 2025-12-01
: >"$work/ratios"
for i in $(seq "$runs"); do
  rm -rf "$work/bare" "$work/bare-dirs" "$work/bare-rl"
  [ -n "$over" ] || rm -rf "$work/public"
  # Alternate which program runs first, so that neither always meets the
  # page cache or the other jobs' load in the same state.
  if [ $((i % 2)) -eq 0 ]; then
    read -r cw cr cc < <(measure "$work/clause" build --quiet --source "$work/corpus" --destination "$work/public" --now 2025-12-01)
  fi
  read -r bw br bc < <(measure "$work/bareloop" -source "$work/corpus" -out "$work/bare")
  read -r dw dr < <(measure "$work/bareloop" -dirs -source "$work/corpus" -out "$work/bare-dirs")
  rw=0
  [ -n "$extra" ] && read -r rw rr rc < <(measure "$work/bareloop" "$xflag" -source "$work/corpus" -out "$work/bare-rl")
  if [ $((i % 2)) -eq 1 ]; then
    read -r cw cr cc < <(measure "$work/clause" build --quiet --source "$work/corpus" --destination "$work/public" --now 2025-12-01)
  fi
  printf '%-4s %8.2f %10.2f %9.2f %10.2f %10.2f %10.1f %10.1f' "$i" "$bw" "$dw" "$cw" "$(echo "$cw / $bw" | bc -l)" \
    "$(echo "$cw / $dw" | bc -l)" "$(echo "$cr / 1024" | bc -l)" "$(echo "$br / 1024" | bc -l)"
  [ -n "$extra" ] && printf ' %10.2f %10.2f' "$rw" "$(echo "$cw / $rw" | bc -l)"
  printf ' %9.2f\n' "$(echo "$cc / $bc" | bc -l)"
  echo "$cw $(echo "$cw / $bw" | bc -l) $(echo "$cw / $dw" | bc -l) $(echo "$cr / 1024" | bc -l) $([ -n "$extra" ] && echo "$cw / $rw" | bc -l || echo 0) $(echo "$cc / $bc" | bc -l) $([ -n "$extra" ] && echo "$cc / $rc" | bc -l || echo 0)" >>"$work/ratios"
done
# median COLUMN: the median of one column of $work/ratios.
median() { awk -v c="$1" '{print $c}' "$work/ratios" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
printf 'median: clause %.2f s, ratio %.2f, ratio_dirs %.2f, peak %.1f MB' "$(median 1)" "$(median 2)" "$(median 3)" \
  "$(awk '$4>m {m=$4} END {print m}' "$work/ratios")"
[ -n "$extra" ] && printf ", ratio_$x %.2f" "$(median 5)"
printf ', cpu_ratio %.2f' "$(median 6)"
[ -n "$extra" ] && printf ", cpu_ratio_$x %.2f" "$(median 7)"
echo " (load: $(cut -d' ' -f1-3 /proc/loadavg))"
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
