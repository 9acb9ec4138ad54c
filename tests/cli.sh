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

# time.Local from $TZ, as Go 1.19 reads it: "" and names with no tzdata
# file are UTC; a name (or ":name") is that zone, named so; an absolute
# path is that file. $ZONEINFO serves LoadLocation only. The expected lines
# are real Go's output for the same program and environment; TZ unset (the
# machine's /etc/localtime) is not tested.
mkdir -p zi/My && cp /usr/share/zoneinfo/Asia/Kolkata zi/My/Zone
cat >tz.gol <<'END'
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Unix(1700000000, 0)
	w := time.Date(2023, 7, 1, 12, 0, 0, 0, time.Local)
	fmt.Println(time.Local, t, w.Format("MST -0700"), t.Location())
	fmt.Println(time.Now().Location(), (<-time.After(time.Millisecond)).Location())
	l, err := time.LoadLocation("My/Zone")
	fmt.Println(l, err)
}
END
lines() { printf '%s\n' "$@"; }
tz_utc=$(lines "UTC 2023-11-14 22:13:20 +0000 UTC UTC +0000 UTC" "UTC UTC" "My/Zone <nil>")
tz_berlin=$(lines "Europe/Berlin 2023-11-14 23:13:20 +0100 CET CEST +0200 Europe/Berlin" \
    "Europe/Berlin Europe/Berlin" "My/Zone <nil>")
kolkata=/usr/share/zoneinfo/Asia/Kolkata
tz_path=$(lines "$kolkata 2023-11-15 03:43:20 +0530 IST IST +0530 $kolkata" "$kolkata $kolkata" "My/Zone <nil>")
tz_ny=$(lines "America/New_York 2023-11-14 17:13:20 -0500 EST EDT -0400 America/New_York" \
    "America/New_York America/New_York" "My/Zone <nil>")
zi=ZONEINFO=$tmp/zi
expect tz_empty 0 "$tz_utc" "" env TZ= "$zi" "$goli" tz.gol
expect tz_name 0 "$tz_berlin" "" env TZ=Europe/Berlin "$zi" "$goli" tz.gol
expect tz_colon_name 0 "$tz_berlin" "" env TZ=:Europe/Berlin "$zi" "$goli" tz.gol
expect tz_path 0 "$tz_path" "" env TZ=$kolkata "$zi" "$goli" tz.gol
expect tz_new_york 0 "$tz_ny" "" env TZ=America/New_York "$zi" "$goli" tz.gol
expect tz_utc 0 "$tz_utc" "" env TZ=UTC "$zi" "$goli" tz.gol
expect tz_unknown 0 "$tz_utc" "" env TZ=Nonexistent/Zone "$zi" "$goli" tz.gol
expect tz_posix_rule 0 "$tz_utc" "" env TZ=CET-1CEST,M3.5.0,M10.5.0/3 "$zi" "$goli" tz.gol
expect tz_zoneinfo_not_local 0 "$tz_utc" "" env TZ=My/Zone "$zi" "$goli" tz.gol
expect tz_no_zoneinfo 0 "$(lines "UTC 2023-11-14 22:13:20 +0000 UTC UTC +0000 UTC" "UTC UTC" \
    "UTC unknown time zone My/Zone")" "" env TZ= ZONEINFO= "$goli" tz.gol

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
