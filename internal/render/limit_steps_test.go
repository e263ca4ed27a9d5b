package render

import (
	"bytes"
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// TestTimeLimitNeedsSteps checks that a page past its time but not past
// timedSteps steps goes on, as a long page does on a busy machine, and
// that one past both stops.
func TestTimeLimitNeedsSteps(t *testing.T) {
	w := &pageWriter{buf: new(bytes.Buffer), ctx: context.Background(),
		deadline: time.Now().Add(-time.Minute), stuck: new(atomic.Pointer[TemplateError])}
	for range 2 * clockEvery {
		if _, err := w.Write([]byte("x")); err != nil {
			t.Fatalf("a page of %d steps past its time stopped: %v", w.writes, err)
		}
	}
	w.writes = timedSteps
	var err error
	for range clockEvery {
		if _, err = w.Write([]byte("x")); err != nil {
			break
		}
	}
	if !errors.Is(err, errPageTime) {
		t.Errorf("a page of %d steps past its time: %v, want %v", w.writes, err, errPageTime)
	}
}
