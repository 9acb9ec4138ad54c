#!/usr/bin/env bash
# bench/run.sh: the shared benchmark runner (../shared/bench/run.sh) over the
# shared programs and this folder's own (bench/go/*.go) together, so every
# program is timed with goli and with native Go in the same run.
#
# usage: bench/run.sh [run.sh options] 'INTERPRETER' [BENCH[=N] ...]
#   bench/run.sh -x gol ./goli fib=38 map_heavy
# The shared folder is found beside the project (../shared) or at $GOLI_SHARED.
set -u
here=$(cd "$(dirname "$0")" && pwd)
shared=${GOLI_SHARED:-$here/../../shared}/bench
[ -x "$shared/run.sh" ] || { echo "bench/run.sh: no runner at $shared/run.sh" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/go"
cp "$shared/run.sh" "$tmp/"
cp "$shared"/go/*.go "$here"/go/*.go "$tmp/go/"
"$tmp/run.sh" "$@"
