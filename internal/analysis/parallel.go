package analysis

import "briefing/internal/parallel"

// forEach calls f(i) for each i in [0, n) on all cores (see parallel.Each)
// and returns when all calls have returned. Each call must write only what
// belongs to its i, so that the result does not depend on the order of the
// calls.
func forEach(n int, f func(i int)) {
	_ = parallel.Each(n, func(i int) error { f(i); return nil }) // f fails never
}
