// Package parallel runs the independent steps of one job on all cores.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for each i in [0, n) on up to GOMAXPROCS goroutines and
// returns when all calls have returned. Each call must write only what
// belongs to its i, so that the result does not depend on the order of
// the calls. After a call returns an error no new call starts, and Each
// returns that error (the first, when several fail at once).
func Each(n int, f func(i int) error) error {
	return EachWorker(n, func(_, i int) error { return f(i) })
}

// Workers returns how many goroutines Each and EachWorker use for n
// calls: at least 1, at most GOMAXPROCS.
func Workers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// EachWorker is Each, but calls f(w, i), where w in [0, Workers(n)) is the
// goroutine making the call. No two calls with the same w run at once, so
// f may keep scratch space per w without locking it.
func EachWorker(n int, f func(w, i int) error) error {
	workers := Workers(n)
	if workers == 1 {
		for i := range n {
			if err := f(0, i); err != nil {
				return err
			}
		}
		return nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for w := range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := f(w, i); err != nil {
					once.Do(func() { first = err })
					next.Store(int64(n)) // stop the others
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
