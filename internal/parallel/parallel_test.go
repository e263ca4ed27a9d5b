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
