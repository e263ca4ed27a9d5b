package audit

import (
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"testing"

	"briefing/internal/build"
	"briefing/internal/render"
)

// buildSite builds the briefing of this repository, or the briefing folder
// named by $BRIEFING_SRC: to see how the theme holds up with other content
// (the tests that name claims or actors of the default briefing then fail).
func buildSite(t *testing.T, opt build.Options) render.Files {
	t.Helper()
	b, err := build.New()
	if err != nil {
		t.Fatal(err)
	}
	src := "../.."
	if dir := os.Getenv("BRIEFING_SRC"); dir != "" {
		src = dir
	}
	res, err := b.Build(t.Context(), os.DirFS(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Files == nil {
		t.Fatalf("build failed:\n%v", res.Err())
	}
	return res.Files
}

// serveSite serves files under prefix ("/sub/" or "/") on 127.0.0.1 the
// way GitHub Pages does: a directory is its index.html, a directory without
// its trailing slash redirects, anything else is 404.html with status 404.
func serveSite(t *testing.T, files render.Files, prefix string) *httptest.Server {
	t.Helper()
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		if data, ok := files[p]; ok {
			w.Header().Set("Content-Type", contentType(p))
			w.Write(data)
			return
		}
		if _, ok := files[p+"/index.html"]; ok {
			http.Redirect(w, r, path.Base(p)+"/", http.StatusMovedPermanently)
			return
		}
		notFound(w, files)
	})
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(prefix, site))
	if prefix != "/" {
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { notFound(w, files) })
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: mux}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func notFound(w http.ResponseWriter, files render.Files) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(files["404.html"])
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".xml":
		return "application/xml"
	case ".json":
		return "application/json"
	case ".js":
		return "text/javascript; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
