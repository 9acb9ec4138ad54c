#!/usr/bin/env bash
# tests/repl.sh GOLI [FILTER]: the REPL's transcript tests.
#
# A transcript tests/repl/NAME.txt is what `goli repl < INPUT` prints (stdout
# and stderr together), where INPUT is the transcript's own lines that start
# with the prompts "> " or "... ", prompt removed: the REPL echoes each input
# line after its prompt, so the file is both the script and the expectation.
# Lines starting with "#" before the first prompt are comments. The masks of
# the golden tests apply: `goroutine 18 [` becomes `goroutine N [` and
# hexadecimal numbers become 0xADDR.
set -u
goli=${1:?usage: tests/repl.sh GOLI [FILTER]}
filter=${2:-}
case "$goli" in /*) ;; *) goli=$PWD/$goli ;; esac
cd "$(dirname "$0")/.." || exit 1
passed=0 failed=0
mask() { sed -E 's/goroutine [0-9]+ \[/goroutine N [/g; s/0x[0-9a-f]+/0xADDR/g; s/goroutine [0-9]+/goroutine N/g'; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in tests/repl/*.txt; do
    name=$(basename "$f" .txt)
    case "$name" in *"$filter"*) ;; *) continue ;; esac
    # The expectation: the file without its leading comment block.
    awk 'started || !/^#/ { started = 1; print }' "$f" > "$tmp/want"
    sed -n -E 's/^(> |\.\.\. )//p' "$tmp/want" > "$tmp/in"
    (cd tests/repl && GOMAXPROCS=${GOMAXPROCS:-4} timeout 30 "$goli" repl < "$tmp/in" > "$tmp/got" 2>&1)
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL $name: exit status $rc"
        failed=$((failed + 1))
    elif ! diff <(mask < "$tmp/want") <(mask < "$tmp/got") > "$tmp/diff"; then
        echo "FAIL $name:"
        head -n 40 "$tmp/diff"
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
done
echo "repl: $passed passed, $failed failed"
[ $failed -eq 0 ]
