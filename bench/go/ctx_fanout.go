// ctx_fanout: N goroutines each wait on ctx.Done() of one shared context
// (half directly on it, half on a child context each); cancelling the root
// wakes them all, and main joins them. Spawn, park on a channel close,
// cancellation of a context tree.
//
// usage: ctx_fanout [N]   (default 10000 goroutines, 20 rounds)
package main

import (
	"context"
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

func round(n int) int {
	root, cancel := context.WithCancel(context.Background())
	var started, done sync.WaitGroup
	var mu sync.Mutex
	woken := 0
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		ctx := root
		var stop context.CancelFunc
		if i%2 == 1 {
			ctx, stop = context.WithCancel(root)
		}
		go func(ctx context.Context, stop context.CancelFunc) {
			defer done.Done()
			started.Done()
			<-ctx.Done()
			if ctx.Err() == context.Canceled {
				mu.Lock()
				woken++
				mu.Unlock()
			}
			if stop != nil {
				stop()
			}
		}(ctx, stop)
	}
	started.Wait()
	cancel()
	done.Wait()
	return woken
}

func main() {
	n := argN(10000)
	total := 0
	for r := 0; r < 20; r++ {
		total += round(n)
	}
	fmt.Printf("ctx_fanout goroutines=%d rounds=20 woken=%d\n", n, total)
}
