// Package preview serves a rendered briefing from memory and makes the
// browser follow every rebuild: the live preview of "briefing serve".
//
// A Server is an http.Handler. It serves the files of the last good build
// (never the source folder), and injects into every HTML page it serves,
// right after <head>, a small script that listens for Server-Sent Events on
// EventsPath. A build's files may be rendered when first asked for (see
// Site): each Update then compares only the files rendered from the site
// served, which are every page a browser has open, and the page of the
// edited content file. So:
//
//   - output byte-identical to what is served: nothing is sent;
//   - only stylesheets changed: open pages swap them without reloading;
//   - anything else changed: open pages whose own file or whose assets
//     (anything but HTML pages and data files: .json, .xml, .txt) changed
//     follow, after the new files are in place: a page whose HTML (and
//     perhaps stylesheets) changed fetches itself again and patches the
//     document in place, keeping the reader's scroll position, focus, open
//     <details> and selection; a change to its <head> or to another asset,
//     or a patch that fails, reloads it. When the build was caused by an
//     edit of one content file and Options.Navigate is set, every open page
//     goes to that file's page instead (the page itself is patched);
//   - the build failed: the last good site stays served and every open page
//     shows an overlay listing each error as path:line:col: message; the
//     next good build clears the overlay (and reloads if anything changed).
//
// The preview answers only requests addressed to it (see Options.Addr), and
// keeps at most Options.MaxStreams event streams open.
//
// A page that connects, or reconnects after a restart of the server, is told
// the current version and any errors, so it reloads if it is stale and shows
// the overlay if the build is broken. The published site never contains the
// script: it exists only in this package.
package preview

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"briefing/internal/model"
	"briefing/internal/render"
)

// maxListed is how many changed paths a reload event lists; past that it
// lists none, which tells every page to reload.
const maxListed = 500

// Paths the preview serves besides the site. Slugs cannot start with "_",
// so they never collide with a page.
const (
	EventsPath = "/_briefing/events"
	ScriptPath = "/_briefing/preview.js"
)

// Options change what the preview does.
type Options struct {
	// Navigate takes open pages to the page of a content file when an
	// edit of that file is what changed.
	Navigate bool
	// Heartbeat is how often idle event streams get a comment, so that
	// dead connections are noticed (default 20s).
	Heartbeat time.Duration
	// Addr is the address the preview listens on, ip:port, as its
	// listener reports it. Requests whose Host header (or, on the event
	// stream, whose Origin) names anything else are refused with 403, so
	// that a web page cannot read the drafts through a DNS name of its own
	// that points at this computer (DNS rebinding). On a loopback address
	// the preview answers to localhost and to the loopback addresses, at
	// that port; on an unspecified one (0.0.0.0, ::) to localhost and any
	// IP address, at that port; on any other address to that address.
	// Empty means localhost and the loopback addresses, at any port.
	Addr string
	// Names are further host names the preview answers to, such as the
	// name it was asked to listen at.
	Names []string
	// MaxStreams is how many event streams may be open at once (default
	// 64); past that a page gets no live reload, with status 503.
	MaxStreams int
}

// Server serves a site preview; see the package documentation. It is safe
// for concurrent use. Close ends the event streams.
type Server struct {
	opt    Options
	hosts  hosts
	nonce  string // tells this server's versions from a previous run's
	broker *broker
	snap   atomic.Pointer[snapshot]
	mu     sync.Mutex // serialises Update
	gen    int
}

// snapshot is what is being served.
type snapshot struct {
	site    Site   // nil before the first good build
	version string // "" before the first good build
	errors  string // the overlay's HTML while the last build failed
}

// New returns a Server with nothing to serve yet: until the first good
// build, every page says that there is none yet, with status 503.
func New(opt Options) *Server {
	if opt.Heartbeat <= 0 {
		opt.Heartbeat = 20 * time.Second
	}
	if opt.MaxStreams <= 0 {
		opt.MaxStreams = 64
	}
	s := &Server{opt: opt, hosts: newHosts(opt.Addr, opt.Names), nonce: strconv.FormatInt(time.Now().UnixNano(), 36)}
	s.broker = newBroker(opt.Heartbeat, opt.MaxStreams)
	s.snap.Store(&snapshot{})
	return s
}

// Site is a built site, as the preview serves it. The files of a
// render.Output are rendered when first asked for, so a rebuild renders
// only the pages that browsers show; a render.Files is rendered whole.
type Site interface {
	// Paths returns every output path, slash-separated, relative to the
	// site root.
	Paths() []string
	// Has reports whether name is an output path.
	Has(name string) bool
	// File returns the contents of output path name, rendering it if
	// need be.
	File(name string) ([]byte, error)
	// Rendered returns the paths rendered so far: the files the preview
	// has served or compared, which are the pages browsers may show.
	Rendered() []string
}

// Build is one build's outcome, as the preview needs it.
type Build struct {
	// Site is the built site; nil when the build failed.
	Site Site
	// Diags are the build's findings; when Site is nil, its errors are
	// shown in the overlay.
	Diags model.Diagnostics
	// Sources are the source files, relative to the briefing folder and
	// slash-separated, whose change caused the build.
	Sources []string
}

// Action is what an Update told the open pages to do.
type Action int

// The actions, from doing nothing to reloading.
const (
	Unchanged   Action = iota // the output is byte-identical: nothing sent
	SwapCSS                   // only stylesheets changed
	Reload                    // pages reload or navigate
	ShowErrors                // the build failed: overlay shown
	ClearErrors               // the build is fixed and the output is as before
)

func (a Action) String() string {
	switch a {
	case SwapCSS:
		return "stylesheet swapped"
	case Reload:
		return "reloaded"
	case ShowErrors:
		return "errors shown"
	case ClearErrors:
		return "errors cleared"
	}
	return "unchanged"
}

// Update makes b the build the preview shows and tells the open pages. It
// returns what they were told, and the output paths that changed.
func (s *Server) Update(b Build) (Action, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.snap.Load()
	var changed []string
	var nav string // where open pages go
	if b.Site != nil {
		var also []string
		if s.opt.Navigate {
			// The edited file's page counts as open: the browser goes there.
			if nav = navigation(b.Sources, b.Site); nav != "" {
				also = append(also, nav[1:]+"index.html")
			}
		}
		var err error
		if changed, err = diff(old.site, b.Site, also...); err != nil {
			// A page failed to render: a template error that shows only
			// when a page that uses it is rendered.
			b.Site = nil
			b.Diags = append(slices.Clone(b.Diags), render.Diagnostic(err))
		}
	}
	if b.Site == nil {
		overlay := renderOverlay(b.Diags)
		if overlay == old.errors {
			return ShowErrors, nil // shown already
		}
		next := *old
		next.errors = overlay
		s.broker.send(event{name: "errors", data: payload{Overlay: overlay}}, s.hello(&next))
		s.snap.Store(&next)
		return ShowErrors, nil
	}
	if len(changed) == 0 && old.site != nil {
		if old.errors == "" {
			return Unchanged, nil
		}
		next := *old
		next.errors = ""
		s.broker.send(event{name: "clear", data: payload{Version: next.version}}, s.hello(&next))
		s.snap.Store(&next)
		return ClearErrors, nil
	}
	s.gen++
	next := &snapshot{site: b.Site, version: fmt.Sprintf("%s.%d", s.nonce, s.gen)}
	// Store before sending, so that a page reloading at once gets the new
	// files.
	s.snap.Store(next)
	if onlyCSS(changed) && old.errors == "" && old.site != nil {
		s.broker.send(event{name: "css", data: payload{Version: next.version, Paths: changed}}, s.hello(next))
		return SwapCSS, changed
	}
	ev := payload{Version: next.version}
	if len(changed) <= maxListed && old.errors == "" && old.site != nil {
		ev.Paths = changed
	}
	ev.Path = nav
	s.broker.send(event{name: "reload", data: ev}, s.hello(next))
	return Reload, changed
}

// hello is the event a page gets when it connects while sn is served.
func (s *Server) hello(sn *snapshot) event {
	return event{name: "hello", data: payload{Version: sn.version, Overlay: sn.errors}}
}

// Close ends every event stream, so that an http.Server serving s can shut
// down; pages keep trying to reconnect. Close is idempotent.
func (s *Server) Close() error {
	s.broker.close()
	return nil
}
