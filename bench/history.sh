#!/usr/bin/env bash
# bench/history.sh times `clause build --history git` as a whole process on
# a generated repository shaped like a real policy repository's history
# (bench/genhistory: 350 policies, 4,000 commits by default), and reports
# wall time, CPU time (user + sys, git's processes included) and peak RSS
# from /usr/bin/time -v. Each round times four runs, the order
# rotating from one round to the next:
#
#   history  --history git: versions read from the repository;
#   plain    the same checkout with --history files: one page per policy;
#   files    the same versions as version files (bench/histfiles writes
#            them from an untimed history build), --history files: the
#            same pages as the history build, without git;
#   floor    bench/bareloop -redlines over those same versions (each
#            policy's file moved to <policy>/index.md beside its
#            versions/): goldmark renders every version and site/redline
#            writes its changes and comparison redlines, one file each,
#            and nothing else (no templates, texts, feeds or git).
#   render   bench/bareloop -dirs over the same versions: goldmark renders
#            every version into one file, and nothing else (no redlines).
#            render / plain is what rendering every version with
#            goldmark's GFM costs against the plain build, before any
#            redline, template or file beyond one per version.
#
# The last lines give the medians of history / plain (issue 15's ratio: at
# most 4 at 100 policies x 2,000 commits, `-policies 100 -commits 2000`;
# the history build writes dozens of version, changes and comparison
# pages per policy where the plain build writes one, so that ratio counts
# their rendering too) and of history / files (what reading the versions
# from git costs, the pages being the same) and of history / floor (what
# the history build costs beyond rendering every version and computing
# its redlines), in wall time and in CPU time, and of render / plain (the
# issue's ratio for goldmark's GFM alone rendering each version once).
#
#   bench/history.sh [-policies 350] [-commits 4000] [-runs 5] [-bin CLAUSE]
#   TMPDIR=/dev/shm bench/history.sh ...   # on tmpfs
#
# -bin times a clause binary built elsewhere (another commit, for paired
# runs) instead of building this checkout's; the floor is always built
# from this checkout (its site/redline).
set -euo pipefail
cd "$(dirname "$0")/.."

policies=350 commits=4000 runs=5 bin=
while [ $# -gt 0 ]; do
  case "$1" in
    -policies) policies=$2; shift 2 ;;
    -commits) commits=$2; shift 2 ;;
    -runs) runs=$2; shift 2 ;;
    -bin) bin=$(realpath "$2"); shift 2 ;;
    *) echo "usage: bench/history.sh [-policies N] [-commits K] [-runs R] [-bin CLAUSE]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/history.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  go build -o "$work/clause" ./cmd/clause
  bin=$work/clause
fi
go build -o "$work/histfiles" ./bench/histfiles
go build -o "$work/bareloop" ./bench/bareloop
go run ./bench/genhistory -policies "$policies" -commits "$commits" -out "$work/repo"
"$bin" build --quiet --source "$work/repo" --destination "$work/first" --history git --now 2026-01-01
"$work/histfiles" -repo "$work/repo" -built "$work/first" -out "$work/files"
rm -rf "$work/first"
mkdir -p "$work/floor" && cp -r "$work/files/content" "$work/floor/"
for f in "$work/floor/content"/*.md; do
  mkdir -p "${f%.md}" && mv "$f" "${f%.md}/index.md"
done
echo "repository: $policies policies, $(git -C "$work/repo" rev-list --count HEAD) commits, $(du -sh "$work/repo/.git" | cut -f1) in .git;" \
  "files site: $(find "$work/files/content" -name '*.md' | wc -l) Markdown files"

# timed KIND: one build of KIND (history, plain, files, floor or render) into a
# fresh folder; prints wall, user + sys CPU, peak RSS in MB and pages.
timed() {
  local src=$work/repo history=files
  case "$1" in
    history) history=git ;;
    files) src=$work/files ;;
  esac
  rm -rf "$work/out"
  if [ "$1" = floor ] || [ "$1" = render ]; then
    local flag=-redlines
    [ "$1" = render ] && flag=-dirs
    /usr/bin/time -v -o "$work/time.txt" "$work/bareloop" -source "$work/floor" -out "$work/out" "$flag" \
      >"$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; exit 1; }
  else
    /usr/bin/time -v -o "$work/time.txt" "$bin" build --source "$src" --destination "$work/out" \
      --history "$history" --now 2026-01-01 >"$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; exit 1; }
  fi
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$work/time.txt")
  echo "$wall $cpu $rss $(grep -o 'built [0-9]* pages' "$work/out.txt" | grep -o '[0-9]*')"
}

printf '%-4s %9s %8s %8s %7s %9s %8s %9s %8s %9s %8s %9s %8s %8s %8s %8s %8s\n' run history_s cpu_s peak_MB pages plain_s cpu_s files_s cpu_s \
  floor_s cpu_s render_s cpu_s h/plain h/files h/floor r/plain
: >"$work/rows"
kinds=(history plain files floor render)
for i in $(seq "$runs"); do
  declare -A r=()
  for k in 0 1 2 3 4; do
    kind=${kinds[$(((i + k) % 5))]}
    r[$kind]=$(timed "$kind")
  done
  read -r hw hc hr hp <<<"${r[history]}"
  read -r pw pc _ _ <<<"${r[plain]}"
  read -r fw fc _ fp <<<"${r[files]}"
  read -r lw lc _ _ <<<"${r[floor]}"
  read -r rw rc _ _ <<<"${r[render]}"
  [ "$hp" = "$fp" ] || { echo "the files build made $fp pages, the history build $hp" >&2; exit 1; }
  printf '%-4s %9.2f %8.2f %8.1f %7s %9.2f %8.2f %9.2f %8.2f %9.2f %8.2f %9.2f %8.2f %8.2f %8.2f %8.2f %8.2f\n' "$i" "$hw" "$hc" "$hr" "$hp" \
    "$pw" "$pc" "$fw" "$fc" "$lw" "$lc" "$rw" "$rc" "$(echo "$hw / $pw" | bc -l)" "$(echo "$hw / $fw" | bc -l)" "$(echo "$hw / $lw" | bc -l)" \
    "$(echo "$rw / $pw" | bc -l)"
  echo "$hw $hc $(echo "$hw / $pw" | bc -l) $(echo "$hw / $fw" | bc -l) $(echo "$hc / $pc" | bc -l) $(echo "$hc / $fc" | bc -l)" \
    "$(echo "$hw / $lw" | bc -l) $(echo "$hc / $lc" | bc -l) $(echo "$rw / $pw" | bc -l) $(echo "$rc / $pc" | bc -l)" >>"$work/rows"
  unset r
done
# median COLUMN: the median of one column of $work/rows.
median() { awk -v c="$1" '{print $c}' "$work/rows" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
printf 'median: history %.2f s wall, %.2f s CPU (load: %s)\n' "$(median 1)" "$(median 2)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'median history / plain: %.2f wall, %.2f CPU (issue 15: at most 4 at 100 x 2,000)\n' "$(median 3)" "$(median 5)"
printf 'median history / files of the same versions: %.2f wall, %.2f CPU (the cost of reading git)\n' "$(median 4)" "$(median 6)"
printf 'median history / floor (bareloop -redlines, same versions): %.2f wall, %.2f CPU (beyond Markdown and redlines)\n' "$(median 7)" "$(median 8)"
printf 'median render / plain (bareloop -dirs, same versions): %.2f wall, %.2f CPU (goldmark alone, every version once)\n' "$(median 9)" "$(median 10)"
