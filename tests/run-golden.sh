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
# test that passes is reported so the list stays true. Each program gets
# GOLDEN_TIMEOUT seconds (default 10); GOLDEN_JOBS run at once (default 2).
set -u
goli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$2
filter=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$(dirname "$0")/golden-lib.sh"

known=()
if [ -f "$dir/KNOWN_FAILING" ]; then
    while read -r path _; do
        case "$path" in ''|'#'*) continue ;; esac
        known+=("$dir/$path")
    done < "$dir/KNOWN_FAILING"
fi
is_known() { local k; for k in "${known[@]+"${known[@]}"}"; do [ "$k" = "$1" ] && return 0; done; return 1; }

# run_one FILE N: run one program and leave its verdict in $tmp/N.res
# ("pass", "known", or "fail" and the report lines).
run_one() {
    local f=$1 n=$2 out=$tmp/$2.out err=$tmp/$2.err d=$tmp/$2.diff why="" rc args want_rc
    read -r -a args <<<"$(sed -n 's#^// Args: *##p' "$f" | head -1)"
    (cd "$(dirname "$f")" && timeout -k 2 "${GOLDEN_TIMEOUT:-10}" "$goli" "$(basename "$f")" \
        "${args[@]+"${args[@]}"}" >"$out" 2>"$err" </dev/null)
    rc=$?
    want_rc=$(sed -n 's#^// Exit: *\([0-9]*\)$#\1#p' "$f" | head -1)
    if grep -q '^// Unordered output:' "$f"; then
        diff <(expect "$f" 'Unordered output' | sort) <(sort "$out") >"$d" || why="stdout differs (unordered)"
    else
        diff <(expect "$f" Output) "$out" >"$d" || why="stdout differs"
    fi
    if [ -z "$why" ] && grep -q '^// Stderr:' "$f"; then
        expect "$f" Stderr | mask >"$tmp/$n.we"
        mask <"$err" >"$tmp/$n.ge"
        if [ "$(tail -n 1 "$tmp/$n.we")" = "..." ]; then
            local k=$(($(wc -l <"$tmp/$n.we") - 1))
            head -n "$k" "$tmp/$n.we" >"$tmp/$n.w" && mv "$tmp/$n.w" "$tmp/$n.we"
            head -n "$k" "$tmp/$n.ge" >"$tmp/$n.g" && mv "$tmp/$n.g" "$tmp/$n.ge"
        fi
        diff "$tmp/$n.we" "$tmp/$n.ge" >"$d" || why="stderr differs"
    fi
    [ -z "$why" ] && [ "$rc" != "${want_rc:-0}" ] && why="exit status $rc, want ${want_rc:-0}"
    [ "$rc" = 124 ] && why="timed out"
    {
        if is_known "$f"; then
            if [ -z "$why" ]; then
                echo "fail"
                echo "FAIL $f: passes but is listed in KNOWN_FAILING (remove it from the list)"
            else
                echo "known"
            fi
        elif [ -z "$why" ]; then
            echo "pass"
        else
            echo "fail"
            echo "FAIL $f: $why"
            head -n 20 "$d" | sed 's/^/    /'
            [ -s "$err" ] && [ "$why" != "stderr differs" ] && head -n 5 "$err" | sed 's/^/    stderr: /'
        fi
    } >"$tmp/$n.res"
    rm -f "$out" "$err" "$d" "$tmp/$n.we" "$tmp/$n.ge"
}

# Two programs at a time (the machine has two cores).
jobs=${GOLDEN_JOBS:-2}
n=0
files=()
while IFS= read -r f; do
    [ -n "$filter" ] && [[ "$f" != *"$filter"* ]] && continue
    # An example that cannot run unattended (network, signals) says so.
    grep -q '^// Not a golden test:' "$f" && continue
    files+=("$f")
    run_one "$f" "$n" &
    n=$((n + 1))
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
done < <(find "$dir" -name '*.gol' | sort)
wait

pass=0 fail=0 kfail=0
for ((i = 0; i < n; i++)); do
    case "$(head -n 1 "$tmp/$i.res")" in
    pass) pass=$((pass + 1)) ;;
    known) kfail=$((kfail + 1)) ;;
    *) fail=$((fail + 1)); tail -n +2 "$tmp/$i.res" ;;
    esac
done

[ "$kfail" -gt 0 ] && echo "golden: $kfail known failures (tests/golden/KNOWN_FAILING)"
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
