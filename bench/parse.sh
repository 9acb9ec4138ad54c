#!/usr/bin/env bash
# bench/parse.sh: parser throughput, goli against gofmt, in one run.
#
# usage: bench/parse.sh [GOLI] [DIR] [RUNS]
#   GOLI  the goli binary (default ./goli)
#   DIR   a Go source tree (default $(go env GOROOT)/src)
#   RUNS  timed runs of each, alternated (default 3)
# Both tools get the same list of files that gofmt accepts, in batches of 500
# per process (one process per batch, run one after another). Prints MB/s of
# each (median of the runs) and goli's speed-up over gofmt.
set -u
goli=${1:-./goli}
dir=${2:-$(go env GOROOT)/src}
runs=${3:-3}
command -v gofmt >/dev/null || { echo "parse.sh: needs gofmt (apt-get install golang-go)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

find -L "$dir" -name '*.go' -type f | sort >"$tmp/all"
xargs -d '\n' -n 500 gofmt -e -l <"$tmp/all" 2>"$tmp/err" >/dev/null
sed -nE 's/^(.*\.go):[0-9]+:[0-9]+: .*/\1/p' "$tmp/err" | sort -u >"$tmp/bad"
comm -23 "$tmp/all" "$tmp/bad" >"$tmp/files"
bytes=$(xargs -d '\n' cat <"$tmp/files" | wc -c)
nfiles=$(wc -l <"$tmp/files")

# seconds CMD...: wall time of one run of CMD over the file list.
seconds() {
    local t0 t1
    t0=$(date +%s.%N)
    xargs -d '\n' -n 500 "$@" <"$tmp/files" >/dev/null 2>&1
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$tmp/goli.t"; : >"$tmp/gofmt.t"
seconds "$goli" parse >/dev/null    # warm the page cache
for ((i = 0; i < runs; i++)); do
    seconds "$goli" parse >>"$tmp/goli.t"
    seconds gofmt -l >>"$tmp/gofmt.t"
done
tg=$(median <"$tmp/goli.t") tf=$(median <"$tmp/gofmt.t")
calc() { awk "BEGIN { print $1 }"; }
mb=$(calc "$bytes / 1048576")
printf 'parse: %d files, %.1f MB (%s)\n' "$nfiles" "$mb" "$dir"
printf 'parse: goli parse %.2f s = %.1f MB/s (runs: %s)\n' "$tg" "$(calc "$mb / $tg")" "$(tr '\n' ' ' <"$tmp/goli.t")"
printf 'parse: gofmt -l   %.2f s = %.1f MB/s (runs: %s)\n' "$tf" "$(calc "$mb / $tf")" "$(tr '\n' ' ' <"$tmp/gofmt.t")"
printf 'parse: goli/gofmt throughput ratio %.2fx (target >= 2x)\n' "$(calc "$tf / $tg")"
