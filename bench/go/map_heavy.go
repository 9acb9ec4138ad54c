// map_heavy: maps with int and string keys: inserts, look-ups, updates,
// deletes and a range, the mix of a word-count or an index build.
//
// usage: map_heavy [N]   (default 1000000 operations of each kind)
package main

import (
	"fmt"
	"os"
	"strconv"
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
	n := argN(1000000)
	ints := make(map[int]int)
	for i := 0; i < n; i++ {
		ints[i*7919%n] += i
	}
	hits := 0
	for i := 0; i < 2*n; i++ {
		if _, ok := ints[i]; ok {
			hits++
		}
	}
	for i := 0; i < n; i += 2 {
		delete(ints, i)
	}
	words := make(map[string]int)
	keys := make([]string, 1000)
	for i := range keys {
		keys[i] = "w" + strconv.Itoa(i*31)
	}
	for i := 0; i < n; i++ {
		words[keys[i%len(keys)]]++
	}
	sum := 0
	for k, v := range ints {
		sum += k ^ v
	}
	total := 0
	for _, v := range words {
		total += v
	}
	if hits != n || total != n || len(ints) != n/2 {
		fmt.Println("FAIL", hits, total, len(ints))
		os.Exit(1)
	}
	fmt.Printf("hits=%d ints=%d words=%d sum=%d\n", hits, len(ints), len(words), sum)
}
