package source

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzScanTOML checks that the TOML position scanner ends, on any text,
// and only reports offsets inside it, TooDeep's among them.
func FuzzScanTOML(f *testing.F) {
	for _, seed := range []string{
		"title = \"T\"\n[[evidence]]\nquote = 'q'\n",
		"a = [1, [2, {b = \"\"\"c\n\"\"\"}]] # d\n[e.\"f\".g]\nh.i = 2023-05-23 07:00:00Z\n",
		"a = \"\\\"\n[[\n'''\n{\n",
		"[[a]]\n[[a.b]]\n[a.b.c]\n[[a]]\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for path, sp := range ScanTOML(src).spots {
			if sp.Key < -1 || sp.Key > len(src) || sp.Val < -1 || sp.Val > len(src) || sp.Key < 0 && sp.Val < 0 {
				t.Errorf("%q at %+v, outside the text of %d bytes", path, sp, len(src))
			}
		}
		toml := ScanTOML(src)
		if off, deep := toml.TooDeep(); deep && (off < 0 || off > len(src)) {
			t.Errorf("TooDeep at %d, outside the text of %d bytes", off, len(src))
		}
		for path := range toml.spots {
			for _, sp := range toml.Find(strings.Split(path, "\x00")) {
				if sp.first() < 0 || sp.first() > len(src) {
					t.Errorf("Find(%q) gives %+v, outside the text of %d bytes", path, sp, len(src))
				}
			}
		}
	})
}

// TestFind checks that a key is found at each place it is written, and
// only there: in tables and arrays of tables, after comments, quoted,
// dotted, in inline tables, and with a name other tables share.
func TestFind(t *testing.T) {
	const src = "title = \"T\"\n" + // 1
		"[site]\n" + // 2
		"title = \"S\"\n" + // 3
		"\"quoted key\" = 1\n" + // 4
		"# title = \"no\"\n" + // 5
		"[[evidence]]\n" + // 6
		"quote = \"a\"\n" + // 7
		"[[evidence]] # quote = 1\n" + // 8
		"  quote = \"b\"\n" + // 9
		"links = [{url = \"u1\"}, {url = \"u2\"}]\n" + // 10
		"a.b.c = 1\n" // 11
	tests := []struct {
		key  string // names joined by "/"
		want string // line:col of each place
	}{
		{"title", "1:1"},
		{"site/title", "3:1"},
		{"site/quoted key", "4:1"},
		{"evidence", "6:1 8:1"},
		{"evidence/quote", "7:1 9:3"},
		{"evidence/links", "10:1"},
		{"evidence/links/url", "10:11 10:25"},
		{"evidence/a/b/c", "11:5"},
		{"quote", ""},
		{"site/quote", ""},
	}
	f, toml := NewFile("f", []byte(src)), ScanTOML(src)
	for _, tt := range tests {
		var got []string
		for _, sp := range toml.Find(strings.Split(tt.key, "/")) {
			p := f.Pos(sp.first())
			got = append(got, fmt.Sprintf("%d:%d", p.Line, p.Col))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Find(%s) at %q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestTooDeep checks that nesting past MaxDepth is found, at the place
// where it passes the limit, in each way TOML nests, and that nesting up
// to the limit is not.
func TestTooDeep(t *testing.T) {
	tests := []struct {
		src  string
		want int // offset, or -1
	}{
		{"a = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth) + "\n", -1},
		{"a = " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n", 4 + MaxDepth},
		{"a = " + strings.Repeat("{b = ", 100) + "1" + strings.Repeat("}", 100) + "\n", 4 + 5*(MaxDepth-1) + 1},
		{"[" + strings.Repeat("a.", 100) + "b]\n", 1 + 2*MaxDepth},
		{strings.Repeat("a.", 100) + "b = 1\n", 2 * MaxDepth},
		{"[" + strings.Repeat("a.", 40) + "b]\n" + strings.Repeat("c.", 40) + "d = 1\n", 84 + 2*(MaxDepth-41)},
	}
	for _, tt := range tests {
		off, deep := ScanTOML(tt.src).TooDeep()
		if !deep {
			off = -1
		}
		if off != tt.want {
			t.Errorf("%.30q…: TooDeep at %d, want %d", tt.src, off, tt.want)
		}
	}
}
