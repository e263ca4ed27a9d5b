package preview

import (
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// hosts decides which Host headers (and Origins) the preview answers: the
// address it listens on and nothing else, so that a web page cannot reach
// it through a DNS name of its own that it points at this computer (DNS
// rebinding) and read the drafts it serves. An IP address cannot be
// rebound, so the decision is about names: "localhost", and the names the
// preview was asked to listen at.
type hosts struct {
	any   bool       // no address given: any loopback address, any port
	ip    netip.Addr // the address listened on
	port  string
	names []string // further names answered, lower case
}

func newHosts(addr string, names []string) hosts {
	h := hosts{any: true}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return h
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return h
	}
	h = hosts{ip: ip.Unmap(), port: port}
	for _, n := range names {
		h.names = append(h.names, canonicalName(n))
	}
	return h
}

// allow reports whether hostport, a Host header or an Origin's host,
// names the preview's address.
func (h hosts) allow(hostport string) bool {
	name, port, err := net.SplitHostPort(hostport)
	if err != nil {
		name, port = hostport, "80" // a Host without a port means port 80
	}
	name = canonicalName(name)
	if !h.any && port != h.port {
		return false
	}
	if ip, err := netip.ParseAddr(strings.Trim(name, "[]")); err == nil {
		ip = ip.Unmap()
		switch {
		case h.any || h.ip.IsLoopback():
			return ip.IsLoopback()
		case h.ip.IsUnspecified():
			return true // any address of this computer's
		}
		return ip == h.ip
	}
	if name == "localhost" {
		return h.any || h.ip.IsLoopback() || h.ip.IsUnspecified()
	}
	for _, n := range h.names {
		if name == n {
			return true
		}
	}
	return false
}

// canonicalName lowers a host name's case and drops the trailing dot of a
// fully qualified name.
func canonicalName(name string) string {
	return strings.TrimSuffix(strings.ToLower(name), ".")
}

// allowRequest reports whether r is addressed to the preview: its Host,
// and its Origin when it has one (a browser sends it on cross-origin
// requests, and on the event stream).
func (h hosts) allowRequest(r *http.Request, checkOrigin bool) bool {
	if !h.allow(r.Host) {
		return false
	}
	origin := r.Header.Get("Origin")
	if !checkOrigin || origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return false // "null" among them: a sandboxed frame or a file
	}
	return h.allow(u.Host)
}
