package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	seen := make([]int32, 1000)
	if err := Each(len(seen), func(i int) error { atomic.AddInt32(&seen[i], 1); return nil }); err != nil {
		t.Fatal(err)
	}
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("f(%d) called %d times, want once", i, n)
		}
	}
}

func TestEachStops(t *testing.T) {
	bad := errors.New("bad")
	var calls atomic.Int32
	err := Each(100000, func(i int) error {
		calls.Add(1)
		if i == 10 {
			return bad
		}
		return nil
	})
	if err != bad {
		t.Fatalf("err = %v, want %v", err, bad)
	}
	if calls.Load() == 100000 {
		t.Error("every call ran after one failed")
	}
}

func TestEachWorker(t *testing.T) {
	const n = 1000
	workers := Workers(n)
	busy := make([]atomic.Int32, workers)
	seen := make([]int32, n)
	err := EachWorker(n, func(w, i int) error {
		if w < 0 || w >= workers {
			t.Errorf("worker %d out of [0, %d)", w, workers)
			return nil
		}
		if busy[w].Add(1) != 1 {
			t.Errorf("worker %d runs two calls at once", w)
		}
		atomic.AddInt32(&seen[i], 1)
		busy[w].Add(-1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range seen {
		if c != 1 {
			t.Fatalf("f(_, %d) called %d times, want once", i, c)
		}
	}
	if Workers(0) != 1 || Workers(1) != 1 {
		t.Errorf("Workers(0), Workers(1) = %d, %d, want 1, 1", Workers(0), Workers(1))
	}
}
