package markdown

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	r := New()
	tests := []struct{ in, want string }{
		{"## Жители Белгорода", `<h2 id="жители-белгорода">`},
		{"## Café au lait", `<h2 id="café-au-lait">`},
		{"# A\n\n# A", `<h1 id="a-1">`},
		{"<script>alert(1)</script>", "<!-- raw HTML omitted -->"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "<table>"},
		{"text[^1]\n\n[^1]: note", `class="footnotes"`},
		{"~~gone~~", "<del>gone</del>"},
	}
	for _, tt := range tests {
		got, err := r.Render(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), tt.want) {
			t.Errorf("Render(%q) = %s, want it to contain %s", tt.in, got, tt.want)
		}
		if strings.Contains(string(got), "<script>") {
			t.Errorf("Render(%q) kept raw HTML: %s", tt.in, got)
		}
	}
}
