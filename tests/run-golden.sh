#!/usr/bin/env bash
# tests/run-golden.sh: run every golden program under a folder and compare
# what goli does with the expectation comments that close the file.
#
# usage: tests/run-golden.sh GOLI DIR [FILTER]
#
# Expectations (tests/README.md has the full rules):
#   // Output:            stdout, exactly (a bare "//" is an empty line)
#   // Unordered output:  stdout as a multiset of lines (compared sorted)
#   // Exit: N            the exit status (default 0)
#   // Stderr:            stderr, exactly; if the block's last line is "...",
#                         only its first lines must match (for tracebacks)
#   // Args: a b          extra command-line arguments
# Masks applied to stderr on both sides, and no others:
#   "goroutine 18 [" -> "goroutine N [", "0x1f3a" -> "0xADDR".
# Each program runs from its own folder as `goli NAME.gol`, so error
# positions read "NAME.gol:LINE:COL". Tests listed in DIR/KNOWN_FAILING
# (one path per line, relative to DIR, then "# issue N") must fail; a listed
# test that passes is reported so the list stays true.
set -u
goli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$2
filter=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mask() { sed -E 's/goroutine [0-9]+ /goroutine N /g; s/0x[0-9a-f]+/0xADDR/g'; }

# expect FILE SECTION prints the comment block after "// SECTION:".
expect() {
    awk -v sec="// $2:" '
        $0 == sec { on = 1; next }
        on && /^\/\/ [A-Z][a-z ]*:/ { exit }
        on && /^\/\/( |$)/ { sub(/^\/\/ ?/, ""); print; next }
        on { exit }' "$1"
}

known=()
if [ -f "$dir/KNOWN_FAILING" ]; then
    while read -r path _; do
        case "$path" in ''|'#'*) continue ;; esac
        known+=("$dir/$path")
    done < "$dir/KNOWN_FAILING"
fi
is_known() { local k; for k in "${known[@]+"${known[@]}"}"; do [ "$k" = "$1" ] && return 0; done; return 1; }

pass=0 fail=0 kfail=0
while IFS= read -r f; do
    [ -n "$filter" ] && [[ "$f" != *"$filter"* ]] && continue
    out=$tmp/out err=$tmp/err
    read -r -a args <<<"$(sed -n 's#^// Args: *##p' "$f" | head -1)"
    (cd "$(dirname "$f")" && timeout -k 2 20 "$goli" "$(basename "$f")" "${args[@]+"${args[@]}"}" \
        >"$out" 2>"$err" </dev/null)
    rc=$?
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
    if is_known "$f"; then
        if [ -z "$why" ]; then
            echo "FAIL $f: passes but is listed in KNOWN_FAILING (remove it from the list)"
            fail=$((fail + 1))
        else
            kfail=$((kfail + 1))
        fi
    elif [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL $f: $why"
        head -n 20 "$tmp/diff" | sed 's/^/    /'
        [ -s "$err" ] && [ "$why" != "stderr differs" ] && head -n 5 "$err" | sed 's/^/    stderr: /'
        fail=$((fail + 1))
    fi
done < <(find "$dir" -name '*.gol' | sort)

[ "$kfail" -gt 0 ] && echo "golden: $kfail known failures (tests/golden/KNOWN_FAILING)"
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
