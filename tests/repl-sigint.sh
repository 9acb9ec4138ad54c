#!/usr/bin/env bash
# tests/repl-sigint.sh GOLI: SIGINT (what Ctrl-C sends) interrupts the input
# running in `goli repl`, wherever it is: spinning, or parked on a channel,
# a select, a timer, a Mutex, a WaitGroup or a Cond. A goroutine kept alive
# by a ticker makes sure none of these is a deadlock. After each interrupt
# the next input must run, and state must be intact.
set -u
goli=${1:?usage: tests/repl-sigint.sh GOLI}
passed=0 failed=0
tmp=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
mkfifo "$tmp/in"
"$goli" repl < "$tmp/in" > "$tmp/out" 2>&1 &
pid=$!
exec 3> "$tmp/in"

# wait_out TEXT: poll the output (up to 5 s) for a line equal to TEXT.
wait_out() {
    local i
    for i in $(seq 50); do
        grep -qxF -- "$1" "$tmp/out" && return 0
        sleep 0.1
    done
    return 1
}
send() { printf '%s\n' "$1" >&3; }
# case NAME INPUT: INPUT must block until SIGINT interrupts it.
run_case() {
    local name=$1 input=$2
    local before
    before=$(grep -c '^interrupted$' "$tmp/out")
    send "$input"
    sleep 0.3
    kill -INT "$pid"
    local i ok=1
    for i in $(seq 50); do
        [ "$(grep -c '^interrupted$' "$tmp/out")" -gt "$before" ] && ok=0 && break
        sleep 0.1
    done
    send "\"after $name\""
    if [ $ok = 0 ] && wait_out "\"after $name\""; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL repl-sigint: $name"
        tail -n 10 "$tmp/out" | sed 's/^/    | /'
    fi
}

send 'tick := time.NewTicker(5 * time.Millisecond)'
send 'go func() { for range tick.C {} }()'
send 'n := 0'
run_case loop 'for { n++ }'
run_case receive 'ch := make(chan int); <-ch'
run_case send 'ch2 := make(chan int); ch2 <- 1'
run_case select 'a, b := make(chan int), make(chan int); select { case <-a: case b <- 1: }'
run_case sleep 'time.Sleep(time.Hour)'
run_case mutex 'var mu sync.Mutex; mu.Lock(); mu.Lock()'
run_case waitgroup 'var wg sync.WaitGroup; wg.Add(1); wg.Wait()'
run_case cond 'c := sync.NewCond(&sync.Mutex{}); c.L.Lock(); c.Wait()'
run_case deferred 'func() { defer fmt.Println("deferred call ran"); select {} }()'
# The interrupted input ran its deferred call; n kept counting.
if grep -qxF "deferred call ran" "$tmp/out"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL repl-sigint: the deferred call did not run"; fi
send 'n > 0'
if wait_out "true"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL repl-sigint: n lost"; fi
exec 3>&-
wait "$pid"
rc=$?
if [ $rc = 0 ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL repl-sigint: exit status $rc at the end of input"; fi
echo "repl-sigint: $passed passed, $failed failed"
[ $failed -eq 0 ]
