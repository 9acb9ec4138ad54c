// rwmutex_cache: a read-mostly cache behind a sync.RWMutex: 4 readers
// each doing N look-ups under RLock while one writer updates an entry
// every 100 reads' worth of time (N/25 writes under Lock).
//
// usage: rwmutex_cache [N]   (default 2000000 reads per reader)
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
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

type cache struct {
	mu sync.RWMutex
	m  map[int]int
}

func (c *cache) get(k int) (int, bool) {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	return v, ok
}

func (c *cache) set(k, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func main() {
	n := argN(2000000)
	const keys = 1024
	c := &cache{m: make(map[int]int)}
	for k := 0; k < keys; k++ {
		c.set(k, k)
	}
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			s := 0
			for i := 0; i < n; i++ {
				if v, ok := c.get((i*31 + r) % keys); ok {
					s += v % 2
				}
			}
			sums[r] = s
		}(r)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < n/25; i++ {
			k := i % keys
			c.set(k, k+2) // keeps each value's parity
		}
	}()
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	fmt.Printf("rwmutex_cache readers=4 reads=%d odd=%d\n", 4*n, total)
}
