#!/usr/bin/env bash
# tests/check-goldens.sh: run every golden program with the real Go toolchain
# and compare what Go does with the expectation comments that close the file,
# so the goldens stay true to Go. goli is not involved.
#
# usage: tests/check-goldens.sh [DIR [FILTER]]     (DIR defaults to tests/golden)
#
# Each NAME.gol is copied to a temporary NAME.go and built with `go build`;
# the binary runs from the .gol file's own folder (so relative file names
# match), with the `// Args:` arguments and no standard input. Compile errors
# are compared in goli's form: the "# command-line-arguments" line is dropped
# and "./NAME.go:" becomes "NAME.gol:". stdout, stderr and the exit status are
# compared under the rules and masks of tests/run-golden.sh (tests/README.md).
#
# Programs whose first comment contains the marker "go1.22" are skipped: their
# expectation follows newer Go (1.22+ semantics or compiler wording) and is
# reasoned from the specification, so an older local Go cannot check it.
# Without `go` on PATH the script says so and exits 0.
set -u
if ! command -v go >/dev/null 2>&1; then
    echo "check-goldens: go is not installed; nothing checked"
    exit 0
fi
dir=${1:-$(dirname "$0")/golden}
filter=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$(dirname "$0")/golden-lib.sh"

# first_comment FILE prints the leading block of // lines.
first_comment() { awk '/^\/\// { print; next } { exit }' "$1"; }

pass=0 fail=0 skip=0
while IFS= read -r f; do
    [ -n "$filter" ] && [[ "$f" != *"$filter"* ]] && continue
    if first_comment "$f" | grep -q 'go1\.22'; then
        skip=$((skip + 1))
        continue
    fi
    name=$(basename "$f" .gol)
    rm -rf "$tmp/src" && mkdir -p "$tmp/src"
    cp "$f" "$tmp/src/$name.go"
    out=$tmp/out err=$tmp/err
    if (cd "$tmp/src" && go build -o "$tmp/prog" "$name.go") >"$out" 2>"$tmp/build"; then
        read -r -a args <<<"$(sed -n 's#^// Args: *##p' "$f" | head -1)"
        (cd "$(dirname "$f")" && timeout -k 2 60 "$tmp/prog" "${args[@]+"${args[@]}"}" \
            >"$out" 2>"$err" </dev/null)
        rc=$?
    else
        rc=$?
        grep -v '^# command-line-arguments' "$tmp/build" | sed "s#\./$name\.go:#$name.gol:#g" >"$err"
        : >"$out"
    fi
    want_rc=$(sed -n 's#^// Exit: *\([0-9]*\)$#\1#p' "$f" | head -1)
    why=""
    if grep -q '^// Unordered output:' "$f"; then
        diff <(expect "$f" 'Unordered output' | sort) <(sort "$out") >"$tmp/diff" || why="stdout differs (unordered)"
    else
        diff <(expect "$f" Output) "$out" >"$tmp/diff" || why="stdout differs"
    fi
    if [ -z "$why" ] && grep -q '^// Stderr:' "$f"; then
        expect "$f" Stderr | mask >"$tmp/want_err"
        mask <"$err" >"$tmp/got_err"
        if [ "$(tail -n 1 "$tmp/want_err")" = "..." ]; then
            n=$(($(wc -l <"$tmp/want_err") - 1))
            head -n "$n" "$tmp/want_err" >"$tmp/w" && mv "$tmp/w" "$tmp/want_err"
            head -n "$n" "$tmp/got_err" >"$tmp/g" && mv "$tmp/g" "$tmp/got_err"
        fi
        diff "$tmp/want_err" "$tmp/got_err" >"$tmp/diff" || why="stderr differs"
    fi
    [ -z "$why" ] && [ "$rc" != "${want_rc:-0}" ] && why="exit status $rc, want ${want_rc:-0}"
    [ "$rc" = 124 ] && why="timed out"
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL $f: $why"
        head -n 20 "$tmp/diff" | sed 's/^/    /'
        [ -s "$err" ] && [ "$why" != "stderr differs" ] && head -n 5 "$err" | sed 's/^/    stderr: /'
        fail=$((fail + 1))
    fi
done < <(find "$dir" -name '*.gol' | sort)

echo "check-goldens: $pass passed, $fail failed, $skip skipped (go1.22)"
[ "$fail" = 0 ]
