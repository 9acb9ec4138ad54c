#!/usr/bin/env bash
# tests/fuzz.sh: robustness. Mutates Go files (tests/fuzz/mutate.c) and runs
# the sanitizer build of goli over them. Every input must end in success or
# in a reported error: never a crash, a sanitizer report or a hang.
#
# usage: [FUZZ_CMD=parse|check] tests/fuzz.sh GOLI MUTATE COUNT [SEED]
#   GOLI    an ASan+UBSan goli (make asan: build/asan/goli)
#   MUTATE  the mutator binary (make builds $(B)/mutate)
#   COUNT   how many mutated inputs to try
#   SEED    first seed (default 1); input i uses seed SEED+i
# FUZZ_CMD picks what goli does with each input: parse (default; inputs in
# batches) or check (type-check; one input per process).
# Seeds for mutation: tests/golden, tests/parse, and a sample of
# $(go env GOROOT)/src when Go is installed. Inputs that fail are kept in
# build/fuzz-failures/ with the command that reproduces them.
set -u
goli=$1 mutate=$2 count=$3 seed=${4:-1}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keep=build/fuzz-failures
export ASAN_OPTIONS=detect_stack_use_after_return=0:exitcode=99:detect_leaks=0
export UBSAN_OPTIONS=print_stacktrace=1:exitcode=98:halt_on_error=1

find "$here/golden" "$here/parse" -name '*.go*' -type f 2>/dev/null | sort >"$tmp/seeds"
if command -v go >/dev/null 2>&1; then
    # Every 20th file of Go's library under 32 KiB: varied, and quick to run.
    find -L "$(go env GOROOT)/src" -name '*.go' -size -32k -type f | sort |
        awk 'NR % 20 == 0' >>"$tmp/seeds"
fi
nseeds=$(wc -l <"$tmp/seeds")
if [ "$nseeds" = 0 ]; then
    echo "fuzz: no seed files"; echo "fuzz: 0 passed, 1 failed"; exit 1
fi
mapfile -t seeds <"$tmp/seeds"

# check FILE...: run goli over the files; print the reason if it misbehaved.
cmd=${FUZZ_CMD:-parse}
check() {
    local rc=0 f
    if [ "$cmd" = parse ]; then
        timeout -k 2 60 "$goli" parse "$@" >/dev/null 2>"$tmp/err"
        rc=$?
    else
        : >"$tmp/err"
        for f in "$@"; do
            timeout -k 2 20 "$goli" "$cmd" "$f" >/dev/null 2>>"$tmp/err"
            rc=$?
            # A program run may end with any status it chooses (os.Exit);
            # only a signal or a timeout is goli's fault there.
            [ "$cmd" = run ] && [ $rc -lt 124 ] && rc=0
            [ $rc -le 2 ] || break
        done
    fi
    if [ $rc = 124 ] || [ $rc = 137 ]; then echo "hang (timeout)"
    elif grep -qE 'AddressSanitizer|\.c:[0-9]+:[0-9]+: runtime error:|LeakSanitizer|Sanitizer' "$tmp/err"; then
        grep -m1 -E 'Sanitizer|\.c:[0-9]+:[0-9]+: runtime error' "$tmp/err"
    elif [ $rc -ne 0 ] && [ $rc -ne 2 ]; then echo "exit status $rc"; fi
}

bad=0 tried=0 batch=()
flush() {
    [ ${#batch[@]} -gt 0 ] || return 0
    if [ -n "$(check "${batch[@]}")" ]; then
        local f why
        for f in "${batch[@]}"; do
            why=$(check "$f")
            [ -n "$why" ] || continue
            mkdir -p "$keep"
            cp "$f" "$keep/"
            echo "fuzz: $(basename "$f"): $why  (input kept in $keep/)"
            bad=$((bad + 1))
        done
    fi
    rm -f "${batch[@]}"
    batch=()
}
for ((i = 0; i < count; i++)); do
    s=$((seed + i))
    src=${seeds[$((s % nseeds))]}
    f=$tmp/m$s.go
    "$mutate" "$s" "$src" "$f" || { echo "fuzz: mutate failed"; exit 1; }
    batch+=("$f")
    tried=$((tried + 1))
    [ ${#batch[@]} -ge 40 ] && flush
done
flush
echo "fuzz: goli $cmd: $tried mutated inputs from $nseeds seed files (seeds $seed..$((seed + count - 1))), $bad misbehaved"
if [ "$bad" = 0 ]; then echo "fuzz: 1 passed, 0 failed"; else echo "fuzz: 0 passed, 1 failed"; exit 1; fi
