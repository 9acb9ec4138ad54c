// string_build: building strings: strings.Builder, += concatenation,
// strconv and fmt.Sprintf, byte slices, and splitting the result again.
//
// usage: string_build [N]   (default 2000000 pieces)
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// argN returns the last command-line argument as a positive int, or def.
func argN(def int) int {
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[len(os.Args)-1])
		if err == nil && v > 0 {
			return v
		}
	}
	return def
}

func main() {
	n := argN(2000000)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("item")
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(',')
	}
	s := b.String()
	parts := strings.Split(s, ",")
	small := ""
	for i := 0; i < 2000; i++ {
		small += strconv.Itoa(i % 10)
	}
	formatted := 0
	for i := 0; i < n/10; i++ {
		formatted += len(fmt.Sprintf("%d:%s:%x", i, "v", i))
	}
	buf := make([]byte, 0, 16)
	bytesOut := 0
	for i := 0; i < n; i++ {
		buf = strconv.AppendInt(buf[:0], int64(i), 10)
		bytesOut += len(buf)
	}
	upper := strings.ToUpper(s[:1000])
	if len(parts) != n+1 || len(small) != 2000 || !strings.HasPrefix(upper, "ITEM0,ITEM1") {
		fmt.Println("FAIL", len(parts), len(small))
		os.Exit(1)
	}
	fmt.Printf("len=%d parts=%d formatted=%d bytes=%d\n", len(s), len(parts), formatted, bytesOut)
}
