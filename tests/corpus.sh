#!/usr/bin/env bash
# tests/corpus.sh: goli's parser against gofmt over Go's own source tree.
#
# usage: tests/corpus.sh GOLI [DIR...]
#
# Every .go file under the given folders (default: $(go env GOROOT)/src and
# $(go env GOROOT)/test) is given to `gofmt -e -l` and to `goli parse`. A file
# gofmt accepts must be accepted by goli; a file gofmt rejects must be
# rejected. Disagreements are listed; files named in tests/corpus-exceptions
# (one path relative to GOROOT per line, then "# reason") are counted apart.
# Without Go installed the check is skipped with a message.
set -u
goli=$1
shift
if ! command -v gofmt >/dev/null 2>&1 || ! command -v go >/dev/null 2>&1; then
    echo "corpus: skipped (Go is not installed: apt-get install golang-go)"
    echo "corpus: 0 passed, 0 failed"
    exit 0
fi
goroot=$(go env GOROOT)
[ $# -gt 0 ] || set -- "$goroot/src/" "$goroot/test/"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

find -L "$@" -name '*.go' -type f | sort >"$tmp/files"
total=$(wc -l <"$tmp/files")

# error_files reads "path:line:col: msg" lines and prints each path once.
error_files() { sed -nE 's/^(.*\.go):[0-9]+(:[0-9]+)?: .*/\1/p' | sort -u; }

xargs -d '\n' -n 200 -P 2 gofmt -e -l <"$tmp/files" 2>"$tmp/gofmt.err" >/dev/null
error_files <"$tmp/gofmt.err" >"$tmp/gofmt.bad"
# goli parse: batches of files; a batch that crashes or hangs is named.
xargs -d '\n' -n 200 -P 2 sh -c '
    timeout -k 5 120 "$0" parse "$@"; rc=$?
    [ $rc -le 2 ] || echo "corpus: goli parse exited $rc on a batch starting at $1" >&2
    exit 0' "$goli" <"$tmp/files" 2>"$tmp/goli.err" >/dev/null
grep '^corpus: ' "$tmp/goli.err"
crashed=$(grep -c '^corpus: ' "$tmp/goli.err")
error_files <"$tmp/goli.err" >"$tmp/goli.bad"

exceptions=$tmp/exceptions
: >"$exceptions"
[ -f "$here/corpus-exceptions" ] &&
    sed -nE 's/^([^#[:space:]][^[:space:]]*).*/\1/p' "$here/corpus-exceptions" |
    sed "s#^#$goroot/#" | sort -u >"$exceptions"

comm -23 "$tmp/goli.bad" "$tmp/gofmt.bad" >"$tmp/false_reject"
comm -13 "$tmp/goli.bad" "$tmp/gofmt.bad" >"$tmp/false_accept"
cat "$tmp/false_reject" "$tmp/false_accept" | sort | comm -12 - "$exceptions" >"$tmp/excused"
bad=0
while IFS= read -r f; do
    grep -qxF "$f" "$tmp/excused" && continue
    echo "corpus: goli rejects a file gofmt accepts: $f"
    grep -F "$f:" "$tmp/goli.err" | head -n 3 | sed 's/^/    /'
    bad=$((bad + 1))
done <"$tmp/false_reject"
while IFS= read -r f; do
    grep -qxF "$f" "$tmp/excused" && continue
    echo "corpus: goli accepts a file gofmt rejects: $f"
    grep -F "$f:" "$tmp/gofmt.err" | head -n 3 | sed 's/^/    /'
    bad=$((bad + 1))
done <"$tmp/false_accept"

rejected=$(wc -l <"$tmp/gofmt.bad")
echo "corpus: $total files; gofmt accepts $((total - rejected)), rejects $rejected;" \
     "disagreements: $bad, excused: $(wc -l <"$tmp/excused"), crashed batches: $crashed"
if [ "$bad" = 0 ] && [ "$crashed" = 0 ]; then
    echo "corpus: 1 passed, 0 failed"
else
    echo "corpus: 0 passed, 1 failed"
    exit 1
fi
