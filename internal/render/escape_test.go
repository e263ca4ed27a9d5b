package render

import (
	"html"
	"html/template"
	"strings"
	"testing"
)

// TestEscapeMatchesTemplate: the escapers of Go-built fragments write what
// html/template writes in the same places, for strings of every kind of
// byte that either treats apart.
func TestEscapeMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="{{.Start}}{{.Rest}}" title="x {{.Text}}">{{.Text}}</a>`))
	samples := []string{
		"", "plain", "../../", "claims/a-b_c/", "a b", `"q"`, "it's", "1+1", "a&b", "<b>", "\x00", "%20", "100%", "%2", "%zz", "a%4F", "%",
		"javascript:alert(1)", "JavaScript:x", "http://x.example/a?b=c&d", "HTTPS://x", "mailto:a@b", "data:x", "/a:b", "a/b:c",
		"é ü ★", "\xff\xfe", "#frag", "~user", "()[]{}|\\^`", "!$*,;=@", "\t\n\r",
	}
	for _, start := range samples {
		for _, rest := range samples {
			var want strings.Builder
			if err := tmpl.Execute(&want, map[string]string{"Start": start, "Rest": rest, "Text": start + rest}); err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			got.WriteString(`<a href="`)
			escapeURL(&got, start)
			escapeURL(&got, rest)
			got.WriteString(`" title="x `)
			escapeHTML(&got, start+rest)
			got.WriteString(`">`)
			escapeHTML(&got, start+rest)
			got.WriteString(`</a>`)
			if got.String() != want.String() {
				t.Errorf("%q, %q:\ngot  %s\nwant %s", start, rest, got.String(), want.String())
			}
		}
		var text strings.Builder
		escapeText(&text, start)
		if text.String() != html.EscapeString(start) {
			t.Errorf("escapeText(%q) = %q, want %q", start, text.String(), html.EscapeString(start))
		}
	}
}
