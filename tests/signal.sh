#!/usr/bin/env bash
# tests/signal.sh: signals sent from outside to running goli programs, the
# way a shell or a service manager sends them; ends with "N passed, N failed".
#
# usage: tests/signal.sh [GOLI]   (default build/goli)
#
# Each case starts a program in the background, waits for its first output
# line (so the signal handlers are in place), sends a signal with kill and
# compares the exit status and output with what real Go gives. The expected
# values below come from Go 1.19 (go build of the same program, run and
# signalled by hand the same way). Background jobs of a script start with
# SIGINT ignored; `env --default-signal=INT` gives them the default back
# where a case needs it, as an interactive shell would.
set -u
goli=${1:-build/goli}
cd "$(dirname "$0")/.." || exit 1
case $goli in /*) ;; *) goli=$PWD/$goli ;; esac
passed=0 failed=0
tmp=$(mktemp -d)
# Only the script itself removes $tmp (a subshell killed before its first
# command runs the EXIT trap too).
trap '[ "$BASHPID" = $$ ] && rm -rf "$tmp"' EXIT

# run_signalled SIG PROG [ENV...]: runs goli PROG with output to $tmp/out
# and $tmp/err, sends SIG once the first line is out, and sets status to
# its exit status (it is killed after 10s, status 137).
run_signalled() {
    local sig=$1 prog=$2
    shift 2
    : >"$tmp/out"
    env "$@" "$goli" "$prog" >"$tmp/out" 2>"$tmp/err" </dev/null &
    local pid=$! i
    for ((i = 0; i < 200; i++)); do
        [ -s "$tmp/out" ] && break
        sleep 0.05
    done
    kill -"$sig" "$pid" 2>/dev/null
    # A process of its own, not a subshell: no copy of the EXIT trap.
    sh -c 'sleep 10; kill -KILL "$1" 2>/dev/null' sh "$pid" &
    local killer=$!
    wait "$pid"
    status=$?
    kill "$killer" 2>/dev/null
    wait "$killer" 2>/dev/null
}

# check NAME WANT_STATUS WANT_OUT: compares status and $tmp/out (sorted on
# both sides when SORTED=1) with the expectation.
check() {
    local name=$1 want_status=$2 want_out=$3 got=$tmp/out
    if [ "${SORTED:-0}" = 1 ]; then
        sort "$tmp/out" >"$tmp/out.sorted"
        got=$tmp/out.sorted
        want_out=$(sort <<<"$want_out")
    fi
    if [ "$status" = "$want_status" ] && diff <(printf '%s\n' "$want_out") "$got" >"$tmp/diff"; then
        passed=$((passed + 1))
        return
    fi
    failed=$((failed + 1))
    echo "FAIL signal: $name: status $status (want $want_status)"
    sed 's/^/    /' "$tmp/diff" "$tmp/err"
}

# examples/graceful_shutdown.gol under SIGINT: the workers stop (in any
# order), main says bye, status 0. From Go 1.19.
run_signalled INT examples/graceful_shutdown.gol
SORTED=1 check "graceful_shutdown SIGINT" 0 "service running; press Ctrl-C to stop
received interrupt, shutting down
worker 1 stopped
worker 2 stopped
worker 3 stopped
all workers stopped; bye"

# A program that catches nothing: each signal takes Go's default action.
cat >"$tmp/sleeper.gol" <<'GO'
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("ready")
	time.Sleep(10 * time.Second)
	fmt.Println("not reached")
}
GO
# From Go 1.19: SIGINT, SIGTERM and SIGHUP kill it as the system's default
# would (128+N); SIGQUIT exits 2 after "SIGQUIT: quit" on stderr.
run_signalled INT "$tmp/sleeper.gol" --default-signal=INT
check "uncaught SIGINT" 130 "ready"
run_signalled TERM "$tmp/sleeper.gol"
check "uncaught SIGTERM" 143 "ready"
run_signalled HUP "$tmp/sleeper.gol"
check "uncaught SIGHUP" 129 "ready"
run_signalled QUIT "$tmp/sleeper.gol"
check "uncaught SIGQUIT" 2 "ready"
if [ "$(head -n 1 "$tmp/err")" != "SIGQUIT: quit" ]; then
    failed=$((failed + 1))
    echo "FAIL signal: uncaught SIGQUIT: stderr does not start with SIGQUIT: quit"
fi

# From Go 1.19: SIGUSR1 nobody asked for is dropped, and a SIGINT that was
# ignored when the program started stays ignored; the sleeper then sleeps
# on and the SIGTERM sent after it ends it (143).
for sig in USR1 INT; do
    : >"$tmp/out"
    "$goli" "$tmp/sleeper.gol" >"$tmp/out" 2>"$tmp/err" </dev/null &
    pid=$!
    for ((i = 0; i < 200; i++)); do
        [ -s "$tmp/out" ] && break
        sleep 0.05
    done
    kill -"$sig" "$pid"
    sleep 0.3
    kill -TERM "$pid"
    wait "$pid"
    status=$?
    check "uncaught SIG$sig dropped" 143 "ready"
done

echo "signal: $passed passed, $failed failed"
[ "$failed" = 0 ]
