#!/usr/bin/env bash
# tests/cli.sh: goli's command line: exit statuses, messages for unreadable
# files, output of valid input. Expectations follow the issue's wording and
# Go's (`open FILE: no such file or directory`, status 1; syntax errors, 2).
#
# usage: tests/cli.sh GOLI
set -u
goli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# expect NAME WANT_STATUS WANT_STDOUT WANT_STDERR CMD...: run CMD, compare.
expect() {
    local name=$1 want_rc=$2 want_out=$3 want_err=$4
    shift 4
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    if [ "$rc" = "$want_rc" ] && [ "$(cat "$tmp/out")" = "$want_out" ] &&
        [ "$(cat "$tmp/err")" = "$want_err" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: status $rc (want $want_rc)"
        echo "  stdout: $(head -c 300 "$tmp/out")"
        echo "  stderr: $(head -c 300 "$tmp/err")"
    fi
}

cd "$tmp" || exit 1
printf 'package main\n\nfunc main() {}\n' >ok.gol
printf 'package main\n\nfunc main() {\n' >bad.gol
mkdir dir.gol

expect parse_valid 0 "" "" "$goli" parse ok.gol
expect parse_missing 1 "" "open missing.gol: no such file or directory" "$goli" parse missing.gol
expect parse_directory 1 "" "read dir.gol: is a directory" "$goli" parse dir.gol
expect parse_syntax_error 2 "" "bad.gol:4:1: syntax error: unexpected EOF, expected }" "$goli" parse bad.gol
expect parse_no_files 2 "" "usage: goli parse [-ast] FILE..." "$goli" parse
expect parse_bad_flag 2 "" "goli parse: unknown flag -x" "$goli" parse -x ok.gol
expect run_missing 1 "" "open missing.gol: no such file or directory" "$goli" missing.gol
expect unknown_command 2 "" "$(printf 'goli frob: unknown command\nRun '"'"'goli help'"'"' for usage.')" "$goli" frob
"$goli" help >"$tmp/help" 2>&1
if [ $? = 0 ] && grep -q 'parse \[-ast\] FILE' "$tmp/help"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL help: no usage text"; fi
"$goli" parse -ast ok.gol >"$tmp/ast" 2>&1
if [ $? = 0 ] && grep -q 'FUNCDECL' "$tmp/ast" && grep -q 'NAME main @3:6' "$tmp/ast"; then
    pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL parse -ast: $(head -c 300 "$tmp/ast")"; fi

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
