package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/model"
)

// laughs is front matter in which each of nine anchors repeats the one
// before nine times: a few hundred bytes that expand to 9^9 values.
func laughs() string {
	var b strings.Builder
	b.WriteString("---\nname: Laughs\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		b.WriteString(string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n")
		prev = string(c)
	}
	b.WriteString("---\n")
	return b.String()
}

// TestBrokenStructure checks that each kind of broken front matter gets
// exactly one error, at its own place, and costs no more than its size.
func TestBrokenStructure(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"yaml alias bomb", laughs(), "f:7:8: invalid YAML front matter: aliases repeat more than 10000 values"},
		{"yaml self-referencing alias", "---\nname: A\naliases: &x [a, *x]\n---\n", "f:3:17: invalid YAML front matter: alias *x refers to a value that contains it"},
		{"yaml alias inside its own map", "---\nname: A\nx: &m\n  y: *m\n---\n", "f:4:6: invalid YAML front matter: alias *m refers to a value that contains it"},
		{"yaml nested too deep", "---\nname: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n---\n", "f:2:71: invalid YAML front matter: values nested more than 64 deep"},
		{"yaml maps nested too deep", "---\n" + nestedMaps(70) + "---\n", "f:66:129: invalid YAML front matter: values nested more than 64 deep"},
		{"toml nested too deep", "+++\nname = " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n+++\n", "f:2:72: invalid TOML front matter: values nested more than 64 deep"},
		{"toml table names too deep", "+++\n[" + strings.Repeat("a.", 70) + "b]\nx = 1\n+++\n", "f:2:130: invalid TOML front matter: values nested more than 64 deep"},
		{"toml dotted key too deep", "+++\n" + strings.Repeat("a.", 70) + "b = 1\n+++\n", "f:2:129: invalid TOML front matter: values nested more than 64 deep"},
		{"yaml repeated key", "---\ntitle: T\noutlet: X\ntitle: U\n---\n", `f:4:1: key "title" is repeated (first at line 2); the first value is used`},
		{"yaml repeated nested key", "---\ntitle: T\nx:\n  y: 1\n  y: 2\n---\n", `f:5:3: key "y" is repeated (first at line 4); the first value is used`},
		{"one-line json repeated key", `{"title": "T", "title": "U"}` + "\nbody\n", `f:1:16: key "title" is repeated (first at line 1); the first value is used`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags model.Diagnostics
			doc := parseDocument("f", []byte(tt.src), &diags)
			f := newFields(doc, &diags, "title", "name", "outlet", "aliases", "x")
			f.str("title")
			f.strs("aliases")
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1:\n%v", len(diags), diags)
			}
			if got := diags[0].Pos.String() + ": " + diags[0].Message; got != tt.want || diags[0].Severity != model.Error {
				t.Errorf("got  %s (%v)\nwant %s", got, diags[0].Severity, tt.want)
			}
		})
	}
}

// nestedMaps returns YAML maps nested n deep, one key a line.
func nestedMaps(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	return b.String()
}

// TestAliasesWithinBounds checks that aliases an editor might use are
// still expanded, each value at the alias.
func TestAliasesWithinBounds(t *testing.T) {
	src := "---\nname: A\nsides: &s [Russia, Ukraine]\naliases: *s\n---\n"
	var diags model.Diagnostics
	doc := parseDocument("f", []byte(src), &diags)
	f := newFields(doc, &diags, "name", "sides", "aliases")
	got, pos := f.strs("aliases")
	if len(diags) > 0 || strings.Join(got, ",") != "Russia,Ukraine" || pos[0].Line != 3 {
		t.Errorf("aliases = %q at %v; diagnostics %v", got, pos, diags)
	}
}

// TestByteOrderMark checks that a file saved with a UTF-8 byte order mark
// is read as without one, positions included.
func TestByteOrderMark(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: T\noutlet: O\n---\nBody.\n",
		"+++\ntitle = \"T\"\noutlet = \"O\"\n+++\nBody.\n",
		"{\n\"title\": \"T\", \"outlet\": \"O\"\n}\nBody.\n",
		"{\"title\": \"T\", \"outlet\": \"O\"}\nBody.\n",
	} {
		var diags model.Diagnostics
		doc := parseDocument("f", []byte(bom+src), &diags)
		f := newFields(doc, &diags, "title", "outlet")
		if f.str("title") != "T" || f.str("outlet") != "O" || doc.body != "Body.\n" || len(diags) > 0 {
			t.Errorf("%q: meta %v, body %q, diagnostics %v", src, doc.meta, doc.body, diags)
		}
		if k, _ := doc.meta.get("title"); k != nil && src[0] != '{' && k.pos.Col != 1 {
			t.Errorf("%q: title at %v, want column 1", src, k.pos)
		}
	}
	var diags model.Diagnostics
	doc := parseDocument("f", []byte(bom+"Plain text.\n"), &diags)
	if doc.body != "Plain text.\n" || doc.bodyPos != (model.Pos{File: "f", Line: 1, Col: 1}) {
		t.Errorf("plain text with a byte order mark: body %q at %v", doc.body, doc.bodyPos)
	}
}

// TestByteOrderMarkSidecar checks the case that published raw YAML: an
// article's sidecar saved with a byte order mark.
func TestByteOrderMarkSidecar(t *testing.T) {
	s, diags := Load(fstest.MapFS{
		"content/articles/a.txt": file("Text.\n"),
		"content/articles/a.md":  file(bom + "---\ntitle: Editor's title\noutlet: Wire\n---\nSummary.\n"),
	})
	a := s.Articles[0]
	if len(diags) > 0 || a.Title != "Editor's title" || a.Outlet != "Wire" || a.Summary.Source != "Summary.\n" {
		t.Errorf("article %+v, diagnostics %v", a, diags)
	}
}

// TestOneLineJSON checks that JSON front matter on one line is read, and
// that text that merely starts with "{" stays text.
func TestOneLineJSON(t *testing.T) {
	var diags model.Diagnostics
	doc := parseDocument("f", []byte(`{"title": "x", "outlet": "y"}`+"\nBody.\n"), &diags)
	f := newFields(doc, &diags, "title", "outlet")
	if f.str("title") != "x" || f.str("outlet") != "y" || doc.body != "Body.\n" || doc.bodyPos.Line != 2 || len(diags) > 0 {
		t.Errorf("meta %v, body %q at %v, diagnostics %v", doc.meta, doc.body, doc.bodyPos, diags)
	}
	if k, _ := doc.meta.get("outlet"); k.pos != (model.Pos{File: "f", Line: 1, Col: 16}) {
		t.Errorf("outlet at %v", k.pos)
	}
	for _, text := range []string{
		"{Editor's note} The raid began at dawn.\n",
		"{} is how the wire marks an empty slot.\n",
		"{\"quoted\": braces} open the text.\n",
		"{ a brace, then prose\nover two lines }\n",
	} {
		var diags model.Diagnostics
		doc := parseDocument("f", []byte(text), &diags)
		if doc.meta != nil || doc.body != text || len(diags) > 0 {
			t.Errorf("%q: meta %v, body %q, diagnostics %v", text, doc.meta, doc.body, diags)
		}
	}
	s, diags := Load(fstest.MapFS{
		"content/articles/a.txt":    file(`{"title": "From the text", "outlet": "Wire"}` + "\nText.\n"),
		"content/articles/b.txt":    file("Text.\n"),
		"content/articles/b.md":     file(`{"title": "From the sidecar", "outlet": "Desk"}` + "\nSummary.\n"),
		"content/actors/gladkov.md": file(`{"name": "Vyacheslav Gladkov", "aliases": ["Gladkov"]}` + "\n"),
	})
	if len(diags) > 0 || s.Articles[0].Title != "From the text" || s.Articles[0].Text != "Text.\n" ||
		s.Articles[1].Title != "From the sidecar" || s.Articles[1].Summary.Source != "Summary.\n" || s.Actors[0].Name != "Vyacheslav Gladkov" {
		t.Errorf("articles %+v %+v, actors %+v, diagnostics %v", s.Articles[0], s.Articles[1], s.Actors[0], diags)
	}
}

// TestListGivenOtherValue checks that a number, date or true/false where
// a list of text belongs is an error at the value, and that text alone
// still counts as a list of one.
func TestListGivenOtherValue(t *testing.T) {
	for src, want := range map[string]string{
		"aliases: 3":          "f:2:10: aliases must be a list of text, not a number",
		"aliases: true":       "f:2:10: aliases must be a list of text, not true/false",
		"aliases: 2023-05-23": "f:2:10: aliases must be a list of text, not a date",
		"aliases: {a: b}":     "f:2:10: aliases must be a list, not a map",
		"aliases: Gladkov":    "",
	} {
		var diags model.Diagnostics
		doc := parseDocument("f", []byte("---\n"+src+"\n---\n"), &diags)
		newFields(doc, &diags, "aliases").strs("aliases")
		got := ""
		if len(diags) > 0 {
			got = diags[0].Pos.String() + ": " + diags[0].Message
		}
		if got != want || len(diags) > 1 {
			t.Errorf("%s: got %v, want %s", src, diags, want)
		}
	}
}

// TestSkippedFilesWarn checks that a file or folder in content/ that the
// loader does not read is named in a warning, once, and that editors'
// temporary files are not.
func TestSkippedFilesWarn(t *testing.T) {
	_, diags := Load(fstest.MapFS{
		"content/articles/a.txt":     file("Text.\n"),
		"content/articles/X.MD":      file("---\ntitle: T\n---\n"),
		"content/articles/b.html":    file("<p>Text.</p>"),
		"content/articles/sub/c.txt": file("Text.\n"),
		"content/articles/a.txt~":    file("stale"),
		"content/actors/x.txt":       file("name: X"),
		"content/claims/old/c.md":    file("---\ntitle: T\n---\n"),
		"content/posts/p.md":         file("---\ntitle: T\n---\n"),
		"content/index.md":           file("---\ntitle: T\n---\n"),
	})
	var got []string
	for _, d := range diags {
		if d.Severity != model.Warning {
			t.Errorf("not a warning: %v", d)
		}
		got = append(got, d.Pos.File)
	}
	want := "content/index.md content/posts content/articles/X.MD content/articles/b.html content/articles/sub content/actors/x.txt content/claims/old"
	if strings.Join(got, " ") != want {
		t.Errorf("warned about\n%s\nwant\n%s\n%v", strings.Join(got, " "), want, diags)
	}
}
