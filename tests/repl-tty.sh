#!/usr/bin/env bash
# tests/repl-tty.sh GOLI: the REPL on a terminal, driven the way a person
# types: tmux (a private server, -L) runs goli in a pane, send-keys types,
# capture-pane reads the screen, which each case polls (up to 5 s) for the
# text it expects. Cases: line editing, history, multi-line input, Tab
# completion (names, commands, package members), :goroutines, :dis and
# :time, Ctrl-C on a blocked receive, on a spinning loop and at an empty
# prompt, output of a goroutine while a line is being typed, Ctrl-D.
set -u
goli=${1:?usage: tests/repl-tty.sh GOLI}
case "$goli" in /*) ;; *) goli=$PWD/$goli ;; esac
passed=0 failed=0
if ! command -v tmux > /dev/null; then
    echo "repl-tty: tmux is not installed (make deps installs it)"
    echo "repl-tty: 0 passed, 1 failed"
    exit 1
fi
sock=goli-test-$$
home=$(mktemp -d)
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$home"' EXIT
# The pane stays open after goli ends, so its last screen can be read.
T -f /dev/null new-session -d -s t -x 120 -y 40 "HOME=$home TERM=xterm $goli; echo EXITED \$?; sleep 30"

screen() { T capture-pane -t t -p -S -200; }
# wait_for TEXT: poll the screen until TEXT (a fixed string) is on it.
wait_for() {
    local i
    for i in $(seq 50); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}
# last_line_is TEXT: the screen's last non-empty line is TEXT.
last_line_is() {
    local i
    for i in $(seq 50); do
        [ "$(screen | sed '/^$/d' | tail -n 1)" = "$1" ] && return 0
        sleep 0.1
    done
    return 1
}
check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name; the screen:"
        screen | sed '/^$/d' | tail -n 15 | sed 's/^/    | /'
    fi
}
keys() { T send-keys -t t "$@"; }
# line TEXT: type one input line once the prompt is back (keys typed while
# an input runs would be echoed by the terminal itself), then Enter.
line() {
    last_line_is ">" || last_line_is "..." || true
    keys "$1" Enter
}

check banner wait_for "goli: Go, interactively."

# Line editing: Backspace, and a cursor movement then an edit mid-line.
last_line_is ">"
keys 'y := 401' BSpace BSpace '2' Enter
last_line_is ">"
keys 'y + 90' Left BSpace '1' Enter
check editing wait_for "52"

# History: Up brings the last input back.
line 'x := 20'
line 'x++'
last_line_is ">"
keys Up Enter
line 'x'
check history wait_for "22"

# Multi-line input: a continuation prompt until the braces close.
line 'func seven() int {'
check continuation-prompt last_line_is "..."
line 'return 7'
line '}'
line 'seven() * 6'
check multi-line wait_for "42"

# Tab completion of a name of the session, and of a command.
last_line_is ">"
keys 'seve' Tab
check tab-name wait_for "> seven"
keys '()' Enter
check tab-name-runs wait_for "7"
last_line_is ">"
keys ':goro' Tab
check tab-command wait_for ":goroutines"
keys Enter
check goroutines-command wait_for "no goroutines"
# :dis prints the function's bytecode under its header; :time a duration.
line ':dis seven'
check dis-command wait_for "func main.seven (repl:1)"
line ':time seven()'
check time-command wait_for "time: "

# Tab completion of a package member.
last_line_is ">"
keys 'strings.ToUp' Tab
check tab-completion wait_for "strings.ToUpper"
keys '("tab")' Enter
check tab-completion-runs wait_for '"TAB"'

# Ctrl-C on a blocked receive, with a goroutine alive (no deadlock).
line 'go func() { for { time.Sleep(10 * time.Millisecond) } }()'
line 'ch := make(chan int)'
line '<-ch'
sleep 0.3
keys C-c
check ctrl-c-receive wait_for "interrupted"
line '"after receive"'
check prompt-after-receive wait_for '"after receive"'$'\n'

# Ctrl-C on a spinning loop.
T clear-history -t t
line 'for {}'
sleep 0.3
keys C-c
check ctrl-c-loop wait_for "interrupted"
line 'n := 5'
line 'n * n'
check prompt-after-loop wait_for "25"

# Output of a goroutine while a line is being typed: it appears above
# the prompt, and the half-typed line is still there, still editable.
line 'go func() { time.Sleep(500 * time.Millisecond); fmt.Println("from the background") }()'
last_line_is ">"
keys 'half := "typed'
check background-output wait_for "from the background"
check line-kept last_line_is '> half := "typed'
keys '"' Enter
line 'half'
check line-still-editable wait_for '"typed"'

# Ctrl-C at an empty prompt says how to leave; Ctrl-D leaves.
last_line_is ">"
keys C-c
check ctrl-c-prompt wait_for "to leave, type :quit or press Ctrl-D"
last_line_is ">"
keys C-d
check ctrl-d wait_for "EXITED 0"
check history-saved test -s "$home/.goli_history"

echo "repl-tty: $passed passed, $failed failed"
[ $failed -eq 0 ]
