package preview

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"briefing/internal/model"
	"briefing/internal/render"
)

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="stylesheet" href="../../style.css">
</head>
<body><header>x</header><p>%s</p></body>
</html>
`

func site(text string) render.Files {
	return render.Files{
		"index.html":            []byte(strings.Replace(page, "%s", "home "+text, 1)),
		"articles/a/index.html": []byte(strings.Replace(page, "%s", "article "+text, 1)),
		"claims/c/index.html":   []byte(strings.Replace(page, "%s", "claim", 1)),
		"404.html":              []byte(strings.Replace(page, "%s", "not found", 1)),
		"style.css":             []byte("body{color:black}"),
		"feed.xml":              []byte("<feed/>"),
	}
}

// serve starts a preview serving files, as an httptest server.
func serve(t *testing.T, opt Options, files render.Files) (*Server, *httptest.Server) {
	t.Helper()
	p := New(opt)
	if files != nil {
		p.Update(Build{Site: files})
	}
	ts := httptest.NewServer(p)
	t.Cleanup(func() {
		p.Close()
		ts.Close()
	})
	return p, ts
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestServeFiles(t *testing.T) {
	files := site("v1")
	_, ts := serve(t, Options{}, files)
	for _, tc := range []struct {
		path, status, ctype, contains string
		script                        bool
	}{
		{"/", "200 OK", "text/html; charset=utf-8", "home v1", true},
		{"/articles/a/", "200 OK", "text/html; charset=utf-8", "article v1", true},
		{"/articles/a/index.html", "200 OK", "text/html; charset=utf-8", "article v1", true},
		{"/style.css", "200 OK", "text/css; charset=utf-8", "body{color:black}", false},
		{"/feed.xml", "200 OK", "text/xml; charset=utf-8", "<feed/>", false},
		{"/nope/", "404 Not Found", "text/html; charset=utf-8", "not found", true},
		{"/articles/a", "301 Moved Permanently", "", "", false},
		{"/../../etc/passwd", "404 Not Found", "text/html; charset=utf-8", "not found", true},
		{ScriptPath, "200 OK", "text/javascript; charset=utf-8", "EventSource", false},
	} {
		resp, body := get(t, ts.URL+tc.path)
		if resp.Status != tc.status {
			t.Errorf("%s: status %s, want %s", tc.path, resp.Status, tc.status)
		}
		if got := resp.Header.Get("Content-Type"); tc.ctype != "" && got != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if !strings.Contains(body, tc.contains) {
			t.Errorf("%s: body lacks %q:\n%s", tc.path, tc.contains, body)
		}
		if got := strings.Contains(body, `src="`+ScriptPath+`"`); got != tc.script {
			t.Errorf("%s: script injected = %v, want %v", tc.path, got, tc.script)
		}
		if resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", tc.path, resp.Header.Get("Cache-Control"))
		}
	}
	if resp, _ := get(t, ts.URL+"/articles/a"); resp.Header.Get("Location") != "/articles/a/" {
		t.Errorf("redirect to %q, want /articles/a/", resp.Header.Get("Location"))
	}
	// The rendered files themselves are never changed by serving.
	if strings.Contains(string(files["index.html"]), "_briefing") {
		t.Error("serving modified the build's files")
	}
	resp, err := http.Post(ts.URL+"/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %s", resp.Status)
	}
}

func TestInject(t *testing.T) {
	tag := `<script src="/_briefing/preview.js" data-version="v&amp;1" data-navigate="true" defer></script>`
	for _, tc := range []struct{ in, want string }{
		{"<!doctype html><html><head><title>x</title></head></html>", "<!doctype html><html><head>" + tag + "<title>x</title></head></html>"},
		{"<HTML><HEAD lang=en><TITLE>x</TITLE>", "<HTML><HEAD lang=en>" + tag + "<TITLE>x</TITLE>"},
		{"<html><header>h</header><head>", "<html><header>h</header><head>" + tag},
		{"<!DOCTYPE html><html lang=en><body>b", "<!DOCTYPE html><html lang=en>" + tag + "<body>b"},
		{"<!doctype html><p>bare", "<!doctype html>" + tag + "<p>bare"},
		{"just text", tag + "just text"},
		{"<head", tag + "<head"},
	} {
		if got := string(Inject([]byte(tc.in), "v&1", true)); got != tc.want {
			t.Errorf("Inject(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestEventStream(t *testing.T) {
	p, ts := serve(t, Options{}, site("v1"))
	_, body := get(t, ts.URL+"/")
	pageVersion := between(body, `data-version="`, `"`)
	s := openStream(t, ts.URL)
	if hello := s.expect(t, "hello"); hello.Version != pageVersion || hello.Overlay != "" {
		t.Fatalf("hello = %+v, want version %q of the page", hello, pageVersion)
	}

	// A content change reloads, after the new files are served.
	if a, changed := p.Update(Build{Site: site("v2")}); a != Reload || !slices.Equal(changed, []string{"articles/a/index.html", "index.html"}) {
		t.Errorf("Update = %v %v", a, changed)
	}
	ev := s.expect(t, "reload")
	if ev.Version == pageVersion || ev.Path != "" || !slices.Equal(ev.Paths, []string{"articles/a/index.html", "index.html"}) {
		t.Errorf("reload = %+v", ev)
	}
	if _, body := get(t, ts.URL+"/"); !strings.Contains(body, "home v2") || !strings.Contains(body, ev.Version) {
		t.Errorf("after reload event, page is %s", body)
	}

	// A byte-identical build sends nothing.
	if a, _ := p.Update(Build{Site: site("v2")}); a != Unchanged {
		t.Errorf("identical build: %v", a)
	}

	// A stylesheet-only change swaps it.
	files := site("v2")
	files["style.css"] = []byte("body{color:red}")
	if a, _ := p.Update(Build{Site: files}); a != SwapCSS {
		t.Errorf("css change: %v", a)
	}
	if ev := s.expect(t, "css"); !slices.Equal(ev.Paths, []string{"style.css"}) {
		t.Errorf("css = %+v", ev)
	}

	// A page connecting now learns the current version.
	late := openStream(t, ts.URL)
	if hello := late.expect(t, "hello"); hello.Version == pageVersion || hello.Version == "" {
		t.Errorf("late hello = %+v", hello)
	}
	if n := p.broker.clientCount(); n != 2 {
		t.Errorf("%d clients, want 2", n)
	}

	// Close ends the streams, and new ones are refused.
	p.Close()
	if !s.ended() || !late.ended() {
		t.Fatal("streams still open after Close")
	}
	if resp, _ := get(t, ts.URL+EventsPath); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("events after Close: %s", resp.Status)
	}
}

func TestNavigate(t *testing.T) {
	p, ts := serve(t, Options{Navigate: true}, site("v1"))
	s := openStream(t, ts.URL)
	s.expect(t, "hello")
	for i, tc := range []struct {
		sources []string
		want    string
	}{
		{[]string{"content/articles/a.txt"}, "/articles/a/"},
		{[]string{"content/articles/a.md", "content/articles/a.txt"}, "/articles/a/"},
		{[]string{"content/_index.md"}, "/"},
		{[]string{"content/articles/a.txt", "templates/base.html"}, "/articles/a/"},
		{[]string{"content/articles/a.txt", "content/claims/c.md"}, ""}, // two pages: stay
		{[]string{"content/articles/gone.txt"}, ""},                     // no such page
		{[]string{"templates/base.html"}, ""},
		{[]string{"config.toml"}, ""},
	} {
		p.Update(Build{Site: site(string(rune('a' + i))), Sources: tc.sources})
		if ev := s.expect(t, "reload"); ev.Path != tc.want {
			t.Errorf("sources %v: path %q, want %q", tc.sources, ev.Path, tc.want)
		}
	}

	// Without Options.Navigate, pages stay.
	p2, ts2 := serve(t, Options{}, site("v1"))
	s2 := openStream(t, ts2.URL)
	s2.expect(t, "hello")
	p2.Update(Build{Site: site("v2"), Sources: []string{"content/articles/a.txt"}})
	if ev := s2.expect(t, "reload"); ev.Path != "" {
		t.Errorf("navigate off: path %q", ev.Path)
	}
}

func TestErrorOverlay(t *testing.T) {
	p, ts := serve(t, Options{}, site("v1"))
	s := openStream(t, ts.URL)
	s.expect(t, "hello")
	diags := model.Diagnostics{
		{Pos: model.Pos{File: "content/claims/x.md", Line: 3, Col: 7}, Severity: model.Error,
			Message: `quote "<script>alert(1)</script>" not found`, Hint: "closest: <b>bold</b> & more"},
		{Pos: model.Pos{File: "templates/base.html", Line: 12}, Severity: model.Error, Message: "unexpected EOF"},
		{Pos: model.Pos{File: "content/articles/y.txt"}, Severity: model.Warning, Message: "article has no metadata"},
	}
	if a, _ := p.Update(Build{Diags: diags}); a != ShowErrors {
		t.Errorf("failed build: %v", a)
	}
	overlay := s.expect(t, "errors").Overlay
	p.Update(Build{Diags: diags}) // the same errors again: nothing sent
	for _, want := range []string{
		`id="briefing-overlay"`,
		`content/claims/x.md:3:7</span>: quote &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; not found`,
		`closest: &lt;b&gt;bold&lt;/b&gt; &amp; more`,
		`templates/base.html:12</span>: unexpected EOF`,
	} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay lacks %s:\n%s", want, overlay)
		}
	}
	for _, bad := range []string{"<script>", "<b>", "no metadata"} {
		if strings.Contains(overlay, bad) {
			t.Errorf("overlay contains %s:\n%s", bad, overlay)
		}
	}

	// The last good site is still served, and new pages get the overlay.
	if _, body := get(t, ts.URL+"/articles/a/"); !strings.Contains(body, "article v1") {
		t.Errorf("last good site not served: %s", body)
	}
	late := openStream(t, ts.URL)
	if hello := late.expect(t, "hello"); hello.Overlay != overlay {
		t.Errorf("late hello has overlay %q", hello.Overlay)
	}

	// Fixing it so that the site is as before clears the overlay.
	if a, _ := p.Update(Build{Site: site("v1")}); a != ClearErrors {
		t.Errorf("fixed, same output: %v", a)
	}
	s.expect(t, "clear")
	late.expect(t, "clear")

	// Breaking and fixing with a change reloads; a CSS-only change after an
	// error reloads too, since the page must lose its overlay.
	p.Update(Build{Diags: diags})
	s.expect(t, "errors")
	files := site("v1")
	files["style.css"] = []byte("p{}")
	if a, _ := p.Update(Build{Site: files}); a != Reload {
		t.Errorf("fixed with css change: %v", a)
	}
	if ev := s.expect(t, "reload"); ev.Paths != nil {
		t.Errorf("reload after errors lists %v; every page must reload", ev.Paths)
	}
	if hello := openStream(t, ts.URL).expect(t, "hello"); hello.Overlay != "" {
		t.Errorf("overlay still in hello after fix")
	}
}

func TestFirstBuildFails(t *testing.T) {
	p, ts := serve(t, Options{}, nil)
	resp, body := get(t, ts.URL+"/articles/a/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, ScriptPath) {
		t.Fatalf("before the first build: %s %s", resp.Status, body)
	}
	s := openStream(t, ts.URL)
	if hello := s.expect(t, "hello"); hello.Version != "" {
		t.Errorf("hello before any build: %+v", hello)
	}
	p.Update(Build{Diags: model.Diagnostics{{Pos: model.Pos{File: "config.toml", Line: 1, Col: 1}, Message: "bad"}}})
	s.expect(t, "errors")
	if resp, _ := get(t, ts.URL+"/"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("failed first build: %s", resp.Status)
	}
	p.Update(Build{Site: site("v1")})
	if ev := s.expect(t, "reload"); ev.Version == "" {
		t.Errorf("reload = %+v", ev)
	}
}

func TestSlowClientDropped(t *testing.T) {
	p := New(Options{})
	defer p.Close()
	ch := make(chan []byte) // never read: full at once
	p.broker.mu.Lock()
	p.broker.clients[ch] = true
	p.broker.mu.Unlock()
	p.Update(Build{Site: site("v1")})
	if _, ok := <-ch; ok {
		t.Error("a client that cannot keep up should be disconnected")
	}
}

func between(s, start, end string) string {
	_, after, _ := strings.Cut(s, start)
	v, _, _ := strings.Cut(after, end)
	return v
}
