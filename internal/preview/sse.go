package preview

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// event is one Server-Sent Event: its name and its JSON data.
type event struct {
	name string
	data payload
}

// payload is the data of every event; the client reads the fields its
// event uses.
type payload struct {
	Version string   `json:"version"`           // the site version now served
	Path    string   `json:"path,omitempty"`    // reload: the page to go to
	Paths   []string `json:"paths,omitempty"`   // css, reload: the changed output paths; reload without it: all
	Overlay string   `json:"overlay,omitempty"` // hello, errors: the overlay's HTML
}

// encode formats ev for the wire. JSON never contains a raw newline, so
// the data is one line.
func (ev event) encode() []byte {
	data, err := json.Marshal(ev.data)
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	return []byte("event: " + ev.name + "\ndata: " + string(data) + "\n\n")
}

// clientBuffer is how many events a slow client may lag behind before it
// is disconnected; it reconnects and is told the current state.
const clientBuffer = 16

// broker fans events out to the connected pages.
type broker struct {
	heartbeat time.Duration
	max       int // streams open at once
	done      chan struct{}

	mu      sync.Mutex
	clients map[chan []byte]bool
	hello   []byte // sent first on every new stream
	closed  bool
}

func newBroker(heartbeat time.Duration, maxStreams int) *broker {
	return &broker{
		heartbeat: heartbeat,
		max:       maxStreams,
		done:      make(chan struct{}),
		clients:   map[chan []byte]bool{},
		hello:     event{name: "hello"}.encode(),
	}
}

// send delivers ev to every connected page and makes hello what pages that
// connect later get, atomically: a page gets one or the other.
func (b *broker) send(ev, hello event) {
	msg := ev.encode()
	b.mu.Lock()
	defer b.mu.Unlock()
	b.hello = hello.encode()
	for ch := range b.clients {
		select {
		case ch <- msg:
		default:
			delete(b.clients, ch)
			close(ch)
		}
	}
}

// clientCount returns the number of connected pages.
func (b *broker) clientCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// ServeHTTP streams events to one page until it goes away, falls behind or
// the broker is closed.
func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		http.Error(w, "the preview is shutting down", http.StatusServiceUnavailable)
		return
	}
	if len(b.clients) >= b.max {
		b.mu.Unlock()
		http.Error(w, "too many pages are open on the preview; close some and reload", http.StatusServiceUnavailable)
		return
	}
	ch := make(chan []byte, clientBuffer)
	b.clients[ch] = true
	hello := b.hello
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.clients, ch)
		b.mu.Unlock()
	}()

	rc := http.NewResponseController(w)
	// A stream outlives the server's read and write timeouts, which bound
	// every other request.
	rc.SetReadDeadline(time.Time{})
	rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// retry: how long the browser waits before reconnecting.
	if !write(w, rc, append([]byte("retry: 500\n\n"), hello...)) {
		return
	}
	tick := time.NewTicker(b.heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-b.done:
			return
		case msg, ok := <-ch:
			if !ok || !write(w, rc, msg) {
				return
			}
		case <-tick.C:
			if !write(w, rc, []byte(": ping\n\n")) {
				return
			}
		}
	}
}

func write(w http.ResponseWriter, rc *http.ResponseController, msg []byte) bool {
	if _, err := w.Write(msg); err != nil {
		return false
	}
	return rc.Flush() == nil
}

// close ends every stream and refuses new ones.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}
