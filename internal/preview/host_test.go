package preview

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHostsAllow(t *testing.T) {
	for _, tt := range []struct {
		addr  string
		names []string
		host  string
		ok    bool
	}{
		{"127.0.0.1:1313", nil, "127.0.0.1:1313", true},
		{"127.0.0.1:1313", nil, "localhost:1313", true},
		{"127.0.0.1:1313", nil, "LocalHost.:1313", true},
		{"127.0.0.1:1313", nil, "[::1]:1313", true},
		{"[::1]:1313", nil, "localhost:1313", true},
		{"127.0.0.1:1313", nil, "evil.example:1313", false},     // DNS rebinding
		{"127.0.0.1:1313", nil, "127.0.0.1.nip.io:1313", false}, // a name that resolves to loopback
		{"127.0.0.1:1313", nil, "localhost.evil.example:1313", false},
		{"127.0.0.1:1313", nil, "127.0.0.1:8080", false},
		{"127.0.0.1:1313", nil, "127.0.0.1", false},
		{"127.0.0.1:1313", nil, "", false},
		{"127.0.0.1:1313", nil, "192.168.1.5:1313", false},
		{"192.168.1.5:1313", nil, "192.168.1.5:1313", true},
		{"192.168.1.5:1313", nil, "localhost:1313", false},
		{"192.168.1.5:1313", nil, "evil.example:1313", false},
		{"192.168.1.5:1313", []string{"mybox"}, "MYBOX:1313", true},
		{"0.0.0.0:1313", nil, "192.168.1.5:1313", true},
		{"0.0.0.0:1313", nil, "localhost:1313", true},
		{"0.0.0.0:1313", nil, "evil.example:1313", false},
		{"[::]:1313", nil, "[fe80::1]:1313", true},
		{"", nil, "127.0.0.1:40000", true},
		{"", nil, "localhost:1", true},
		{"", nil, "evil.example:40000", false},
		{"", nil, "10.0.0.1:40000", false},
	} {
		if got := newHosts(tt.addr, tt.names).allow(tt.host); got != tt.ok {
			t.Errorf("listening on %s %v: allow(%q) = %v, want %v", tt.addr, tt.names, tt.host, got, tt.ok)
		}
	}
}

// TestForeignHostRefused: a page of another site that points its own name
// at 127.0.0.1 (DNS rebinding) gets no draft, no script and no event
// stream; nor does a page of another origin on the event stream.
func TestForeignHostRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := New(Options{Addr: ln.Addr().String()})
	p.Update(Build{Site: site("draft")})
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: p}}
	ts.Start()
	defer func() { p.Close(); ts.Close() }()
	port := ts.URL[strings.LastIndex(ts.URL, ":")+1:]

	do := func(path, host, origin string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		req.Host = host
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		buf := make([]byte, 4096)
		n, _ := resp.Body.Read(buf)
		return resp.StatusCode, string(buf[:n])
	}
	for _, path := range []string{"/", "/articles/a/", "/feed.xml", ScriptPath, EventsPath, "/nope"} {
		for _, host := range []string{"evil.example:" + port, "evil.example", "127.0.0.1.nip.io:" + port} {
			code, body := do(path, host, "")
			if code != http.StatusForbidden || strings.Contains(body, "draft") {
				t.Errorf("GET %s Host %s: %d %q, want 403 without the page", path, host, code, body)
			}
		}
	}
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port} {
		if code, body := do("/", host, ""); code != http.StatusOK || !strings.Contains(body, "draft") {
			t.Errorf("GET / Host %s: %d, want 200 with the page", host, code)
		}
	}
	for _, origin := range []string{"http://evil.example:" + port, "null", "https://localhost:" + port, "http://localhost:1"} {
		if code, _ := do(EventsPath, "127.0.0.1:"+port, origin); code != http.StatusForbidden {
			t.Errorf("events with Origin %s: %d, want 403", origin, code)
		}
	}
	// The preview's own pages open the stream with its own origin.
	req, _ := http.NewRequest("GET", ts.URL+EventsPath, nil)
	req.Header.Set("Origin", fmt.Sprintf("http://localhost:%s", port))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("events from the preview's own origin: %s", resp.Status)
	}
}

// TestStreamsBounded: past MaxStreams, a further event stream is refused
// rather than held; closing one makes room.
func TestStreamsBounded(t *testing.T) {
	p, ts := serve(t, Options{MaxStreams: 3}, site("v1"))
	var open []*stream
	for range 3 {
		s := openStream(t, ts.URL)
		s.expect(t, "hello")
		open = append(open, s)
	}
	resp, err := http.Get(ts.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("fourth stream: %s, want 503", resp.Status)
	}
	open[0].body.Close()
	deadline := time.Now().Add(5 * time.Second)
	for p.broker.clientCount() > 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	openStream(t, ts.URL).expect(t, "hello")
}

// TestStreamOutlivesReadTimeout: the server's read timeout, which bounds
// slow clients, does not end an event stream.
func TestStreamOutlivesReadTimeout(t *testing.T) {
	p := New(Options{Heartbeat: 50 * time.Millisecond})
	p.Update(Build{Site: site("v1")})
	ts := httptest.NewUnstartedServer(p)
	ts.Config.ReadTimeout = 200 * time.Millisecond
	ts.Config.WriteTimeout = 200 * time.Millisecond
	ts.Start()
	defer func() { p.Close(); ts.Close() }()
	s := openStream(t, ts.URL)
	s.expect(t, "hello")
	time.Sleep(600 * time.Millisecond)
	p.Update(Build{Site: site("v2")})
	s.expect(t, "reload")
}
