#!/bin/sh
# stdlib/embed.sh: writes a C file that embeds the standard library's Go
# sources (stdlib/**/*.gol) in the goli binary, so that `import "strings"`
# needs no files at run time.
#
# usage: stdlib/embed.sh OUT.c FILE.gol...
# Each file becomes one entry of lib_sources[]: its import path (the folder
# under stdlib/, e.g. "strings" or "math/rand"), its name, and its bytes.
out=$1
shift
# The packages nearly every program loads come first and together: a
# program reads only the sources it imports, and sources side by side share
# the pages the kernel maps in on first touch (hello's peak RSS).
first="errors io fmt syscall os strconv unicode/utf8 sort strings sync time"
ordered=
for p in $first; do
    for f in "$@"; do
        rel=${f#stdlib/}
        [ "${rel%/*}" = "$p" ] && ordered="$ordered $f"
    done
done
for f in "$@"; do
    case " $ordered " in *" $f "*) ;; *) ordered="$ordered $f" ;; esac
done
set -- $ordered
{
    echo "// generated from stdlib/**/*.gol by stdlib/embed.sh; do not edit"
    echo '#include "stdlib/sources.h"'
    echo
    i=0
    for f in "$@"; do
        echo "static const unsigned char src$i[] = {"
        od -An -v -tx1 "$f" | sed -e 's/  */ /g' -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'
        echo "0x00 };"
        i=$((i + 1))
    done
    echo
    echo "const LibSource lib_sources[] = {"
    i=0
    for f in "$@"; do
        rel=${f#stdlib/}
        pkg=${rel%/*}
        name=${rel##*/}
        echo "    { \"$pkg\", \"$name\", (const char *)src$i, sizeof src$i - 1 },"
        i=$((i + 1))
    done
    echo "    { 0, 0, 0, 0 }"
    echo "};"
} >"$out.tmp" && mv "$out.tmp" "$out"
