package preview

import (
	"bytes"
	_ "embed"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"briefing/internal/model"
	"briefing/internal/render"
)

// script is the client side of the preview; see preview.js.
//
//go:embed preview.js
var script []byte

// ServeHTTP serves the event stream, the client script, and the files of
// the last good build, with the client script injected into HTML pages,
// to requests addressed to the preview (see Options.Addr); others get 403.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allowRequest(r, r.URL.Path == EventsPath) {
		http.Error(w, "misdirected request: the preview answers only at its own address, such as http://localhost:PORT/", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case EventsPath:
		s.broker.ServeHTTP(w, r)
		return
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "preview.js", time.Time{}, bytes.NewReader(script))
		return
	}
	s.serveSite(w, r)
}

// serveSite serves a file of the site. A folder serves its index.html, a
// folder named without its trailing slash redirects to it (so relative links
// resolve), and a missing file gets the site's 404 page.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	sn := s.snap.Load()
	if sn.site == nil {
		s.write(w, r, sn, "index.html", http.StatusServiceUnavailable, []byte(buildingPage))
		return
	}
	upath := r.URL.Path
	if !strings.HasPrefix(upath, "/") {
		upath = "/" + upath
	}
	name := strings.TrimPrefix(path.Clean(upath), "/")
	if strings.HasSuffix(upath, "/") {
		name = path.Join(name, "index.html")
	}
	if s.serveFile(w, r, sn, name, http.StatusOK) {
		return
	}
	if sn.site.Has(path.Join(name, "index.html")) && !strings.HasSuffix(upath, "/") {
		target := "/" + name + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if !s.serveFile(w, r, sn, "404.html", http.StatusNotFound) {
		http.NotFound(w, r)
	}
}

// serveFile serves output file name with status, rendering it if need be,
// and reports whether the site has it.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, sn *snapshot, name string, status int) bool {
	if !sn.site.Has(name) {
		return false
	}
	data, err := sn.site.File(name)
	if err != nil {
		s.fail(w, r, sn, err)
	} else {
		s.write(w, r, sn, name, status, data)
	}
	return true
}

// write sends one file, with the client script injected when it is HTML.
func (s *Server) write(w http.ResponseWriter, r *http.Request, sn *snapshot, name string, status int, data []byte) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = Inject(data, sn.version, s.opt.Navigate)
	}
	w.Header().Set("Content-Type", ctype)
	if status == http.StatusOK {
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// fail answers with the error of a page that failed to render, in the
// overlay, so that it reads as any build error does.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, sn *snapshot, err error) {
	page := "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page failed to render</title>\n</head>\n<body>\n" +
		renderOverlay(model.Diagnostics{render.Diagnostic(err)}) + "\n</body>\n</html>\n"
	s.write(w, r, sn, "error.html", http.StatusInternalServerError, []byte(page))
}

// buildingPage is served before the first good build; the overlay tells
// what is wrong, and the page reloads when the site is there.
const buildingPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>No build yet</title>
</head>
<body>
<p>The briefing has not built yet; this page reloads when it has.</p>
</body>
</html>
`
