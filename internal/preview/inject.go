package preview

import (
	"bytes"
	"html"
	"strconv"
)

// Inject returns page with the preview's client script inserted right after
// its <head> tag (or, failing that, after <html> or the doctype), tagged
// with the version of the site the page belongs to. page is not modified.
func Inject(page []byte, version string, navigate bool) []byte {
	tag := `<script src="` + ScriptPath + `" data-version="` + html.EscapeString(version) +
		`" data-navigate="` + strconv.FormatBool(navigate) + `" defer></script>`
	at := afterTag(page, "head")
	if at < 0 {
		at = afterTag(page, "html")
	}
	if at < 0 {
		at = afterTag(page, "!doctype")
	}
	if at < 0 {
		at = 0
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// afterTag returns the offset just past the first start tag named name
// (matched without regard to case, so <head> but not <header>), or -1.
func afterTag(page []byte, name string) int {
	for i := 0; ; {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			return -1
		}
		i += j + 1
		if len(page)-i <= len(name) || !bytes.EqualFold(page[i:i+len(name)], []byte(name)) {
			continue
		}
		switch page[i+len(name)] {
		case '>', ' ', '\t', '\n', '\r', '\f', '/':
			end := bytes.IndexByte(page[i:], '>')
			if end < 0 {
				return -1
			}
			return i + end + 1
		}
	}
}
