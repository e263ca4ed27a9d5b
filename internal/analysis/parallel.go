package analysis

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach calls f(i) for each i in [0, n) on up to GOMAXPROCS goroutines
// and returns when all calls have returned. Each call must write only what
// belongs to its i, so that the result does not depend on the order of the
// calls.
func forEach(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
