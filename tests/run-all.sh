#!/usr/bin/env bash
# tests/run-all.sh: every test suite, then one summary line. `make test` runs
# this after building; B names the build folder (default build).
#
# Suites: criterion unit tests (each test counts), command-line checks,
# golden programs and REPL transcripts and terminal cases (each counts), the
# stress and signal runs, and whole-suite checks that count as one test each: the
# gofmt corpus comparison (when Go is installed) and a short fuzz run over the
# sanitizer build. FAST=1 skips the corpus and fuzz checks.
set -u
B=${B:-build}
cd "$(dirname "$0")/.." || exit 1
passed=0 failed=0

# tally LOG NAME: add the last "N passed, N failed" of a suite's output.
tally() {
    local line
    line=$(grep -oE '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
    if [ -z "$line" ]; then
        echo "run-all: $2 printed no summary; counted as one failure"
        failed=$((failed + 1))
        return
    fi
    set -- $line
    passed=$((passed + $1)) failed=$((failed + $3))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== unit tests"
"$B/unit_tests" --jobs 2 -S 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
syn=$(grep 'Synthesis:' "$log" | tail -n 1)
if [ -n "$syn" ]; then
    t=$(sed -E 's/.*Tested: ([0-9]+).*/\1/' <<<"$syn")
    f=$(sed -E 's/.*Failing: ([0-9]+).*/\1/' <<<"$syn")
    passed=$((passed + t - f)) failed=$((failed + f))
else
    echo "run-all: unit tests printed no synthesis (exit $rc)"
    failed=$((failed + 1))
fi
[ -n "$syn" ] && [ "$rc" != 0 ] && [ "$f" = 0 ] && failed=$((failed + 1))

echo "== command line"
tests/cli.sh "$B/goli" 2>&1 | tee "$log"
tally "$log" cli

echo "== golden tests"
tests/run-golden.sh "$B/goli" tests/golden 2>&1 | tee "$log"
tally "$log" golden

echo "== examples (each is a golden program)"
tests/run-golden.sh "$B/goli" examples 2>&1 | tee "$log"
tally "$log" examples

echo "== REPL transcripts (tests/repl/*.txt)"
tests/repl.sh "$B/goli" 2>&1 | tee "$log"
tally "$log" repl

echo "== REPL interrupts (SIGINT, tests/repl-sigint.sh)"
tests/repl-sigint.sh "$B/goli" 2>&1 | tee "$log"
tally "$log" repl-sigint

echo "== REPL on a terminal (tmux, tests/repl-tty.sh)"
tests/repl-tty.sh "$B/goli" 2>&1 | tee "$log"
tally "$log" repl-tty

echo "== signals (kill sent to running programs, tests/signal.sh)"
tests/signal.sh "$B/goli" 2>&1 | tee "$log"
tally "$log" signal

echo "== stress (concurrency goldens under GOMAXPROCS 1, 2, 4, 8)"
GOLDEN_JOBS=4 tests/stress.sh "$B/goli" "${STRESS_ROUNDS:-2}" 2>&1 | tail -n 30 | tee "$log"
tally "$log" stress
hung=$(grep -oE '[0-9]+ hung' "$log" | tail -n 1 | cut -d' ' -f1)
failed=$((failed + ${hung:-0}))

if [ "${FAST:-0}" != 1 ]; then
    echo "== parser vs gofmt over Go's source tree"
    tests/corpus.sh "$B/goli" 2>&1 | tail -n 40 | tee "$log"
    tally "$log" corpus

    echo "== fuzz (short run, sanitizer build)"
    if make -s asan >/dev/null && make -s "$B/mutate" >/dev/null; then
        tests/fuzz.sh build/asan/goli "$B/mutate" "${FUZZ_COUNT:-400}" 1 2>&1 | tee "$log"
        tally "$log" fuzz
        FUZZ_CMD=check tests/fuzz.sh build/asan/goli "$B/mutate" "${FUZZ_CHECK_COUNT:-150}" 1 2>&1 | tee "$log"
        tally "$log" fuzz-check
        tests/fuzz-repl.sh build/asan/goli "$B/mutate" "${FUZZ_REPL_LINES:-2000}" 1 2>&1 | tail -n 20 | tee "$log"
        tally "$log" fuzz-repl
    else
        echo "run-all: could not build the sanitizer binary"
        failed=$((failed + 1))
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
