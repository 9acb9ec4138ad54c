#!/usr/bin/env bash
# tests/fuzz-repl.sh: the REPL's robustness. Feeds mutated input lines
# (tests/fuzz/mutate.c applied to the transcripts' inputs and a few
# concurrency snippets) through `goli repl` in its non-terminal mode. Each
# run must end by itself (end of input) with status 0: never a crash, a
# sanitizer report or a hang. GOLI_REPL_TIMEOUT interrupts an input that
# runs over a second (a mutated loop may never end), as Ctrl-C would.
#
# usage: tests/fuzz-repl.sh GOLI MUTATE LINES [SEED]
#   GOLI    goli, preferably the ASan+UBSan build (make asan)
#   MUTATE  the mutator binary (make builds $(B)/mutate)
#   LINES   how many input lines to feed in all
# Each run's input is the seed with every chunk of 4 lines mutated
# separately. Failing inputs are kept in build/fuzz-failures/repl-SEED.txt.
set -u
goli=$1 mutate=$2 lines=$3 seed=${4:-1}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keep=build/fuzz-failures
export ASAN_OPTIONS=detect_stack_use_after_return=0:exitcode=99:detect_leaks=0
export UBSAN_OPTIONS=print_stacktrace=1:exitcode=98:halt_on_error=1
export GOLI_REPL_TIMEOUT=1000

# Seeds: every transcript's input lines, minus those that would end the
# session early or wait on the REPL's own standard input.
sed -n -E 's/^(> |\.\.\. )//p' "$here"/repl/*.txt | grep -v -E 'os\.Exit|Stdin|^:(q|quit|exit|load)' > "$tmp/seed"
cat >> "$tmp/seed" <<'EOF'
ch := make(chan int, 3)
go func() { for i := range 5 { ch <- i }; close(ch) }()
for v := range ch { fmt.Println(v) }
select { case v := <-ch: fmt.Println(v); default: fmt.Println("none") }
var once sync.Once
once.Do(func() { fmt.Println("once") })
ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
<-ctx.Done()
cancel()
t := time.NewTimer(time.Millisecond)
<-t.C
var rw sync.RWMutex
rw.RLock(); rw.RUnlock()
cond := sync.NewCond(&sync.Mutex{})
:goroutines
:type ch
:dis fib
:time fib(15)
EOF
nseed=$(wc -l < "$tmp/seed")
fed=0 runs=0 bad=0 i=0
while [ $fed -lt "$lines" ]; do
    s=$((seed + i))
    i=$((i + 1))
    # Each chunk of 4 seed lines is mutated on its own, so that every
    # input of the run differs from the seed somewhere.
    : > "$tmp/in"
    split -l 4 -d -a 4 "$tmp/seed" "$tmp/chunk."
    k=0
    for c in "$tmp"/chunk.*; do
        k=$((k + 1))
        "$mutate" $((s * 1000 + k)) "$c" "$tmp/m" 2> /dev/null || cp "$c" "$tmp/m"
        cat "$tmp/m" >> "$tmp/in"
        printf '\n' >> "$tmp/in"
    done
    rm -f "$tmp"/chunk.*
    n=$(wc -l < "$tmp/in")
    [ "$n" -gt 0 ] || n=1
    fed=$((fed + n))
    runs=$((runs + 1))
    timeout 120 "$goli" repl < "$tmp/in" > "$tmp/out" 2>&1
    rc=$?
    why=
    if [ $rc -eq 124 ]; then why="hung"
    elif [ $rc -ne 0 ]; then why="exit status $rc"
    elif grep -q -E 'AddressSanitizer|UndefinedBehaviorSanitizer|runtime error: .*(overflow|misaligned|shift)' "$tmp/out"; then why="sanitizer report"
    fi
    if [ -n "$why" ]; then
        bad=$((bad + 1))
        mkdir -p "$keep"
        cp "$tmp/in" "$keep/repl-$s.txt"
        echo "fuzz-repl: seed $s: $why (input kept in $keep/repl-$s.txt)"
        tail -n 5 "$tmp/out" | sed 's/^/    | /'
    fi
done
echo "fuzz-repl: $fed lines ($nseed seed lines) in $runs runs, $bad misbehaved"
echo "fuzz-repl: $((runs - bad)) passed, $bad failed"
[ $bad -eq 0 ]
