package preview

import (
	"bufio"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// received is one event as a client read it.
type received struct {
	name string
	data payload
	at   time.Time
}

// stream is a test client of the event stream.
type stream struct {
	events chan received
	body   interface{ Close() error }
}

// openStream connects to the event stream of the server at base and
// checks the response headers.
func openStream(tb testing.TB, base string) *stream {
	tb.Helper()
	resp, err := http.Get(base + EventsPath)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("events: status %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		tb.Fatalf("events: Content-Type %q", ct)
	}
	s := &stream{events: make(chan received, 64), body: resp.Body}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev received
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					ev.at = time.Now()
					s.events <- ev
				}
				ev = received{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.data); err != nil {
					ev.name = "bad data: " + err.Error()
				}
			}
		}
	}()
	tb.Cleanup(func() { s.body.Close() })
	return s
}

// next returns the next event, failing after a generous timeout.
func (s *stream) next(tb testing.TB) received {
	tb.Helper()
	return s.nextWithin(tb, 10*time.Second)
}

// nextWithin returns the next event, failing after timeout.
func (s *stream) nextWithin(tb testing.TB, timeout time.Duration) received {
	tb.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			tb.Fatal("event stream ended")
		}
		return ev
	case <-time.After(timeout):
		tb.Fatalf("no event within %v", timeout)
	}
	return received{}
}

// expect returns the next event and checks its name.
func (s *stream) expect(tb testing.TB, name string) payload {
	tb.Helper()
	ev := s.next(tb)
	if ev.name != name {
		tb.Fatalf("got event %q %+v, want %q", ev.name, ev.data, name)
	}
	return ev.data
}

// ended reports whether the stream ends within a while.
func (s *stream) ended() bool {
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-s.events:
			if !ok {
				return true
			}
		case <-timeout:
			return false
		}
	}
}
