package build

import (
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier minifies the output files whose type it knows. It is safe for
// concurrent use.
type minifier struct {
	m     *minify.M
	types map[string]string // file extension → media type
}

// newMinifier returns a minifier of HTML, CSS, JS, JSON, SVG and XML.
func newMinifier() *minifier {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]xml$"), xml.Minify)
	return &minifier{m: m, types: map[string]string{
		".html": "text/html", ".css": "text/css", ".js": "application/javascript",
		".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
	}}
}

// file returns the output file name's contents, data, minified when the
// minifier knows its type, and as they are otherwise.
func (mf *minifier) file(name string, data []byte) ([]byte, error) {
	mt, ok := mf.types[path.Ext(name)]
	if !ok {
		return data, nil
	}
	out, err := mf.m.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

// minifyFiles minifies every file whose type the minifier knows, in place.
func minifyFiles(files map[string][]byte) error {
	mf := newMinifier()
	for name, data := range files {
		out, err := mf.file(name, data)
		if err != nil {
			return err
		}
		files[name] = out
	}
	return nil
}
