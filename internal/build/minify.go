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

// minifyFiles minifies every file whose type the minifier knows, in place.
func minifyFiles(files map[string][]byte) error {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]xml$"), xml.Minify)
	types := map[string]string{
		".html": "text/html", ".css": "text/css", ".js": "application/javascript",
		".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
	}
	for name, data := range files {
		mt, ok := types[path.Ext(name)]
		if !ok {
			continue
		}
		out, err := m.Bytes(mt, data)
		if err != nil {
			return fmt.Errorf("minify %s: %w", name, err)
		}
		files[name] = out
	}
	return nil
}
