#!/usr/bin/env bash
# tests/stress.sh: run the concurrency goldens many times under several
# GOMAXPROCS values, to shake out races, lost wake-ups and hangs that a single
# run of tests/run-golden.sh would miss.
#
# usage: tests/stress.sh GOLI [ROUNDS] [PROCS...]
#        (ROUNDS defaults to 20, PROCS to "1 2 4 8")
#
# What runs: every golden program under tests/golden/conc/, the stress
# programs in tests/stress/, and any examples/*.gol that carries expectation
# comments. Each round, for each GOMAXPROCS value, each program runs once.
#
# The verdicts are tests/run-golden.sh's own (it is called, not copied), so
# the expectation rules, masks and KNOWN_FAILING handling are exactly those
# of `make test`. To tell hangs from failures, goli is run through a small
# wrapper that applies the per-run limit (`timeout 20`, STRESS_TIMEOUT to
# change it) and records every program it had to stop; run-golden.sh's own
# limit is set above it. A FAIL whose program the wrapper stopped is a hang.
#
# Output: one line per failing run ("FAIL [procs=P round=R] file: why"; the
# diff is shown the first time a program fails), a table of the programs that
# failed or hung with their counts, and last the line
#     stress: N passed, N failed, N hung
# The exit status is 0 only when nothing failed or hung.
#
# STRESS_ONLY=PATH (relative to the repository, e.g. tests/golden/conc/select/
# or tests/stress/) keeps only the programs under that prefix.
set -u
if [ $# -lt 1 ]; then
    echo "usage: tests/stress.sh GOLI [ROUNDS] [PROCS...]" >&2
    exit 2
fi
goli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$goli" ] || { echo "stress: $1 is not an executable" >&2; exit 2; }
rounds=${2:-20}
shift $(($# < 2 ? $# : 2))
procs=("$@")
[ ${#procs[@]} -eq 0 ] && procs=(1 2 4 8)
limit=${STRESS_TIMEOUT:-20}

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. "$here/golden-lib.sh"

# The wrapper run-golden.sh calls instead of goli. It runs from the
# program's folder as `goli NAME.gol`, so $PWD/$1 is the program's path.
cat >"$tmp/goli" <<EOF
#!/usr/bin/env bash
timeout -k 2 $limit "$goli" "\$@"
rc=\$?
if [ "\$rc" = 124 ] || [ "\$rc" = 137 ]; then echo "\$PWD/\$1" >>"$tmp/hangs"; fi
exit "\$rc"
EOF
chmod +x "$tmp/goli"

# Suites: "DIR FILTER" pairs handed to run-golden.sh (FILTER is matched as a
# substring of DIR/path, so an absolute prefix selects exactly one folder or
# file).
suites=("$root/tests/golden|$root/tests/golden/conc/")
[ -d "$root/tests/stress" ] && suites+=("$root/tests/stress|$root/tests/stress/")
for f in "$root"/examples/*.gol; do
    [ -f "$f" ] || continue
    # A program that reads GOMAXPROCS from the environment opts out.
    grep -q '^// Stress: no' "$f" && continue
    for sec in Output 'Unordered output' Exit Stderr; do
        if grep -q "^// $sec:" "$f"; then
            suites+=("$root/examples|$f")
            break
        fi
    done
done

if [ -n "${STRESS_ONLY:-}" ]; then
    only=$root/${STRESS_ONLY#./}
    kept=()
    for s in "${suites[@]}"; do
        filter=${s#*|}
        if [[ "$only" == "$filter"* ]]; then
            kept+=("${s%%|*}|$only")
        elif [[ "$filter" == "$only"* ]]; then
            kept+=("$s")
        fi
    done
    suites=("${kept[@]+"${kept[@]}"}")
    [ ${#suites[@]} -eq 0 ] && { echo "stress: nothing under $STRESS_ONLY" >&2; exit 2; }
fi

pass=0 fail=0 hung=0 known=0
: >"$tmp/failed_files"
for ((r = 1; r <= rounds; r++)); do
    for p in "${procs[@]}"; do
        for s in "${suites[@]}"; do
            dir=${s%%|*} filter=${s#*|}
            : >"$tmp/hangs"
            GOMAXPROCS=$p GOLDEN_TIMEOUT=$((limit + 10)) \
                "$here/run-golden.sh" "$tmp/goli" "$dir" "$filter" >"$tmp/out" 2>&1
            read -r np nf < <(sed -n 's/^golden: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/out")
            nk=$(sed -n 's/^golden: \([0-9]*\) known failures.*/\1/p' "$tmp/out")
            if [ -z "${np:-}" ]; then
                echo "stress: run-golden.sh gave no summary (procs=$p round=$r):"
                sed 's/^/    /' "$tmp/out"
                exit 2
            fi
            pass=$((pass + np)) known=$((known + ${nk:-0}))
            # FAIL lines, each followed by its indented details.
            while IFS= read -r line; do
                case "$line" in
                'FAIL '*)
                    f=${line#FAIL }
                    f=${f%%: *}
                    kind=fail
                    grep -qxF "$f" "$tmp/hangs" && kind=hang
                    if [ "$kind" = hang ]; then
                        hung=$((hung + 1))
                        echo "HANG [procs=$p round=$r] ${f#"$root"/}"
                    else
                        fail=$((fail + 1))
                        echo "FAIL [procs=$p round=$r] ${line#FAIL "$root"/}"
                    fi
                    echo "$kind ${f#"$root"/}" >>"$tmp/failed_files"
                    show=0
                    [ "$kind" = fail ] && [ "$(grep -cxF "fail ${f#"$root"/}" "$tmp/failed_files")" = 1 ] && show=1
                    ;;
                '    '*) [ "${show:-0}" = 1 ] && echo "$line" ;;
                *) show=0 ;;
                esac
            done <"$tmp/out"
        done
    done
done

if [ -s "$tmp/failed_files" ]; then
    echo "stress: programs that failed or hung (count, kind, program):"
    sort "$tmp/failed_files" | uniq -c | sort -rn | sed 's/^/    /'
fi
[ "$known" -gt 0 ] && echo "stress: $known runs of programs listed in KNOWN_FAILING (not counted)"
echo "stress: $pass passed, $fail failed, $hung hung"
[ "$fail" = 0 ] && [ "$hung" = 0 ]
