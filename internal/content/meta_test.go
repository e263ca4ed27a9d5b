package content

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"briefing/internal/model"
)

// TestParseDocumentFormats checks that the three front-matter formats give
// the same keys, values, types and positions, and that the body keeps its
// line numbers.
func TestParseDocumentFormats(t *testing.T) {
	const body = "Body line.\n"
	tests := []struct {
		name, src string
		// positions of title, outlet and published
		title, outlet, published model.Pos
		bodyLine                 int
	}{
		{
			name:      "yaml",
			src:       "---\ntitle: Gladkov says one killed\noutlet:  \"Reuters\"\npublished: 2023-05-23\n---\n" + body,
			title:     model.Pos{File: "f", Line: 2, Col: 1},
			outlet:    model.Pos{File: "f", Line: 3, Col: 1},
			published: model.Pos{File: "f", Line: 4, Col: 1},
			bodyLine:  6,
		},
		{
			name:      "toml",
			src:       "+++\ntitle = \"Gladkov says one killed\"\n  outlet = 'Reuters'\npublished = 2023-05-23\n+++\n" + body,
			title:     model.Pos{File: "f", Line: 2, Col: 1},
			outlet:    model.Pos{File: "f", Line: 3, Col: 3},
			published: model.Pos{File: "f", Line: 4, Col: 1},
			bodyLine:  6,
		},
		{
			name:      "json",
			src:       "{\n  \"title\": \"Gladkov says one killed\",\n  \"outlet\": \"Reuters\",\n  \"published\": \"2023-05-23\"\n}\n" + body,
			title:     model.Pos{File: "f", Line: 2, Col: 3},
			outlet:    model.Pos{File: "f", Line: 3, Col: 3},
			published: model.Pos{File: "f", Line: 4, Col: 3},
			bodyLine:  6,
		},
		{
			name:      "yaml after blank lines, CRLF",
			src:       "\r\n---\r\ntitle: Gladkov says one killed\r\noutlet: Reuters\r\npublished: 2023-05-23\r\n---\r\n" + body,
			title:     model.Pos{File: "f", Line: 3, Col: 1},
			outlet:    model.Pos{File: "f", Line: 4, Col: 1},
			published: model.Pos{File: "f", Line: 5, Col: 1},
			bodyLine:  7,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags model.Diagnostics
			doc := parseDocument("f", []byte(tt.src), &diags)
			if len(diags) > 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			if doc.meta == nil {
				t.Fatal("no front matter")
			}
			for _, k := range []struct {
				key, val string
				pos      model.Pos
			}{
				{"title", "Gladkov says one killed", tt.title},
				{"outlet", "Reuters", tt.outlet},
			} {
				kn, v := doc.meta.get(k.key)
				if v == nil || v.kind != scalar || v.str != k.val {
					t.Errorf("%s = %+v, want %q", k.key, v, k.val)
					continue
				}
				if kn.pos != k.pos {
					t.Errorf("%s at %v, want %v", k.key, kn.pos, k.pos)
				}
			}
			f := newFields(doc, &diags, "title", "outlet", "published")
			if got := f.date("published").Format("2006-01-02"); got != "2023-05-23" {
				t.Errorf("published = %s, want 2023-05-23", got)
			}
			if got := f.at("published"); got != tt.published {
				t.Errorf("published at %v, want %v", got, tt.published)
			}
			f.str("title")
			f.str("outlet")
			f.finish()
			if len(diags) > 0 {
				t.Errorf("diagnostics: %v", diags)
			}
			if strings.TrimSpace(doc.body) != strings.TrimSpace(body) {
				t.Errorf("body = %q, want %q", doc.body, body)
			}
			if doc.bodyPos.Line != tt.bodyLine {
				t.Errorf("body starts on line %d, want %d", doc.bodyPos.Line, tt.bodyLine)
			}
		})
	}
}

func TestParseDocumentWithout(t *testing.T) {
	for _, src := range []string{
		"",
		"Plain article text.\n\nSecond paragraph.",
		"Text first.\n---\nnot front matter\n---\n",
	} {
		var diags model.Diagnostics
		doc := parseDocument("f", []byte(src), &diags)
		if len(diags) > 0 || doc.meta != nil {
			t.Errorf("%q: meta %v, diags %v; want no front matter and no diagnostics", src, doc.meta, diags)
		}
		if doc.body != src {
			t.Errorf("%q: body = %q, want the whole file", src, doc.body)
		}
		if doc.bodyPos != (model.Pos{File: "f", Line: 1, Col: 1}) {
			t.Errorf("%q: body at %v, want f:1:1", src, doc.bodyPos)
		}
	}
}

// TestParseDocumentErrors checks that each broken file gets exactly one
// error, at the place an editor has to look, and no follow-up noise.
func TestParseDocumentErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"yaml value with colon", "---\ntitle: ok\noutlet: Reuters: Moscow\n---\n", "f:3:1: invalid YAML front matter: mapping values are not allowed in this context"},
		{"yaml bad indent", "---\ntitle: ok\n  outlet: x\n---\n", "f:3:1: invalid YAML front matter: mapping values are not allowed in this context"},
		{"yaml tab", "---\ntitle: ok\n\toutlet: x\n---\n", "f:3:1: invalid YAML front matter: found a tab character that violates indentation"},
		{"yaml not a map", "---\njust a line\n---\nbody\n", "f:2:1: front matter must be a map of keys to values, not a single value"},
		{"toml missing value", "+++\ntitle = \"ok\"\noutlet = \n+++\n", "f:3:10: invalid TOML front matter: expected value but found '\\n' instead"},
		{"json missing value", "{\n  \"title\": \"T\",\n  \"x\": \n}\n", "f:4:1: invalid JSON front matter: invalid character '}' looking for beginning of value"},
		{"toml error after tables", "+++\ntitle = \"ok\"\n[[evidence]]\nquote = \"a\"\n[[evidence]]\nquote = \"b\nx = 1\n+++\n", "f:6:11: invalid TOML front matter: strings cannot contain newlines"},
		{"toml repeated key", "+++\ntitle = \"ok\"\n\ntitle = \"again\"\n+++\n", "f:4:1: invalid TOML front matter: Key 'title' has already been defined."},
		{"json error after an indented brace", "{\n  \"evidence\": [\n    {\"quote\": \"} {\"\n    },\n  ],\n  \"title\": \"T\"\n}\n", "f:5:3: invalid JSON front matter: invalid character ']' looking for beginning of value"},
		{"json repeated key", "{\n  \"title\": \"T\",\n  \"title\": \"U\"\n}\n", `f:3:3: key "title" is repeated (first at line 2); the first value is used`},
		{"json text after the brace", "{\n  \"title\": \"T\"\n}  Text.\n", "f:3:4: text after the closing brace of the JSON front matter"},
		{"json nested too deep", "{\n\"title\": " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n}\n", "f:2:74: invalid JSON front matter: values nested more than 64 deep"},
		{"unclosed json", "{\n  \"title\": \"T\",\n  \"x\": {\n}\n", `f:1:1: front matter opened with "{" is never closed`},
		{"unclosed yaml", "---\ntitle: T\n\nArticle text.\n", `f:1:1: front matter opened with "---" is never closed`},
		{"unclosed toml", "\n+++\ntitle = \"T\"\n", `f:2:1: front matter opened with "+++" is never closed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags model.Diagnostics
			doc := parseDocument("f", []byte(tt.src), &diags)
			// A loader asking for a required key must not add "missing
			// front matter" to a file whose front matter is broken.
			f := newFields(doc, &diags, "title")
			f.required("title", "title: x")
			f.finish()
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1:\n%v", len(diags), diags)
			}
			d := diags[0]
			if d.Severity != model.Error {
				t.Errorf("severity %v, want error", d.Severity)
			}
			if got := d.Pos.String() + ": " + d.Message; got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func FuzzParseDocument(f *testing.F) {
	for _, seed := range []string{
		"",
		"plain text",
		"---\ntitle: T\n---\nbody",
		"---\ntitle: [a, b]\nx: {y: 1}\n---\n",
		"---\ntitle: T\n",
		"---\n---\n",
		"---\n- a\n- b\n---\n",
		"---\na: &x 1\nb: *x\n---\n",
		"---\ntitle: ok\n  bad: indent\n---\n",
		"---\r\ntitle: T\r\n---\r\nbody\r\n",
		"\n\n---\ntitle: T\n---\n",
		"+++\ntitle = \"T\"\n[x]\ny = 1\n+++\nbody",
		"+++\ntitle = \n+++\n",
		"+++\n",
		"+++\n[[evidence]]\narticle = \"a\"\nquote = 'q'\n[[evidence]]\n  quote = \"\"\"x\n[y]\"\"\"\n[[evidence.sub]]\n+++\n",
		"+++\na.\"b c\".d = [1, {e = [2, 3]}, # c\n  4]\nf = { g.h = 1 }\n+++\n",
		"{\n\"title\": \"T\"\n}\nbody",
		"{\n  \"evidence\": [\n    {\"quote\": \"} \\\" {\"\n    }\n  ]\n}\nbody",
		"{\n\"a\": 1, \"a\": [null, true, 1e999]\n} x\n",
		"{\n\"title\": \n}\n",
		"{\n",
		"{}\n",
		"\xff\xfe---\n",
		"---\ntitle: \"\\xff\"\n---\n",
		"---\npublished: 2023-05-23\nupdated: 2023-13-45T25:00:00Z\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags model.Diagnostics
		doc := parseDocument("content/articles/x.md", data, &diags)
		// Exercise every accessor, as the loaders do.
		fl := newFields(doc, &diags, "title")
		fl.required("title", "title: x")
		fl.strs("aliases")
		fl.date("published")
		for _, it := range fl.list("evidence") {
			it.get("quote")
		}
		fl.finish()
		for _, d := range diags {
			if d.Pos.File != "content/articles/x.md" || d.Pos.Line < 1 || d.Pos.Col < 0 {
				t.Errorf("diagnostic without a usable position: %q", d)
			}
			if d.Message == "" {
				t.Errorf("diagnostic without a message at %v", d.Pos)
			}
		}
		if doc.meta != nil {
			checkNodePos(t, doc.meta, 1+strings.Count(string(data), "\n"))
		}
		if !strings.HasSuffix(string(data), doc.body) {
			t.Errorf("body %q is not the end of the file", doc.body)
		}
		if doc.bodyPos.Line < 1 {
			t.Errorf("body at %v", doc.bodyPos)
		}
	})
}

// checkNodePos checks that every value is placed in the file, whose last
// line is lastLine.
func checkNodePos(t *testing.T, n *node, lastLine int) {
	if n.pos.File == "" || n.pos.Line < 1 || n.pos.Line > lastLine || n.pos.Col < 1 {
		t.Errorf("front-matter value %q at %v", n.str, n.pos)
	}
	for _, c := range n.items {
		checkNodePos(t, c, lastLine)
	}
	for i := range n.keys {
		checkNodePos(t, n.keys[i], lastLine)
		checkNodePos(t, n.vals[i], lastLine)
	}
}

// TestFrontMatterPositions checks that every key and value of TOML and
// JSON front matter is placed at its own line and column, however the
// file is laid out: tables, arrays of tables, dotted, quoted and inline
// keys, values over several lines, comments, and strings that look like
// syntax.
func TestFrontMatterPositions(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "path key-line:col value-line:col"; list items by number
	}{
		{
			name: "toml",
			src: "+++\n" +
				"title = \"T\" # a comment = 1\n" + // 2
				"tags = [\n" + // 3
				"  \"a\", # x = 2\n" + // 4
				"  'b',\n" + // 5
				"]\n" + // 6
				"\"quoted key\" = 1\n" + // 7
				"site.name = \"x\"\n" + // 8
				"note = \"\"\"\n" + // 9
				"status = 1\n" + // 10
				"[[evidence]]\"\"\"\n" + // 11
				"inline = { a = 1, b.c = [1, {d = 2}] }\n" + // 12
				"[[evidence]]\n" + // 13
				"article = \"a\"\n" + // 14
				"quote = \"q1\"\n" + // 15
				"\n" +
				"[[evidence]]\n" + // 17
				"  article = \"b\"\n" + // 18
				"  quote   = \"q2 } \\\" x\"\n" + // 19
				"[meta]\n" + // 20
				"status = 2023-05-23\n" + // 21
				"+++\nBody\n",
			want: []string{
				"title 2:1 2:9",
				"tags 3:1 3:8",
				"tags.0 3:1 4:3",
				"tags.1 3:1 5:3",
				"quoted key 7:1 7:16",
				"site 8:1 8:1",
				"site.name 8:6 8:13",
				"note 9:1 9:8",
				"inline.a 12:12 12:16",
				"inline.b.c 12:21 12:25",
				"inline.b.c.1.d 12:30 12:34",
				"evidence 13:3 13:3",
				"evidence.0 13:3 13:1",
				"evidence.0.article 14:1 14:11",
				"evidence.0.quote 15:1 15:9",
				"evidence.1 13:3 17:1",
				"evidence.1.article 18:3 18:13",
				"evidence.1.quote 19:3 19:13",
				"meta.status 21:1 21:10",
			},
		},
		{
			name: "json",
			src: "\n{\n" + // 2
				"  \"title\": \"T\",\n" + // 3
				"  \"evidence\": [\n" + // 4
				"    {\n" + // 5
				"      \"article\": \"a\",\n" + // 6
				"      \"quote\": \"q } \\\" {\"\n" + // 7
				"    },\n" + // 8
				"    {\"article\": \"b\", \"quote\": \"}\"}\n" + // 9
				"  ],\n" + // 10
				"  \"n\": 1.5, \"m\": [3,\n" + // 11
				"  null]\n" + // 12
				"}\nBody\n",
			want: []string{
				"title 3:3 3:12",
				"evidence 4:3 4:15",
				"evidence.0 4:3 5:5",
				"evidence.0.article 6:7 6:18",
				"evidence.0.quote 7:7 7:16",
				"evidence.1 4:3 9:5",
				"evidence.1.article 9:6 9:17",
				"evidence.1.quote 9:22 9:31",
				"n 11:3 11:8",
				"m 11:13 11:18",
				"m.0 11:13 11:19",
				"m.1 11:13 12:3",
			},
		},
		{
			name: "toml after a blank line, CRLF",
			src:  "\r\n+++\r\ntitle = \"T\"\r\n[[evidence]]\r\nquote = \"q\"\r\ntags = [\r\n  \"a\",\r\n]\r\n+++\r\nBody\r\n",
			want: []string{"title 3:1 3:9", "evidence.0.quote 5:1 5:9", "evidence.0.tags.0 6:1 7:3"},
		},
		{
			name: "json after a blank line, CRLF",
			src:  "\r\n{\r\n  \"title\": \"T\",\r\n  \"evidence\": [\r\n    {\"quote\": \"q\"}\r\n  ]\r\n}\r\nBody\r\n",
			want: []string{"title 3:3 3:12", "evidence.0.quote 5:6 5:15"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags model.Diagnostics
			doc := parseDocument("f", []byte(tt.src), &diags)
			if len(diags) > 0 || doc.meta == nil {
				t.Fatalf("meta %v, diagnostics:\n%v", doc.meta, diags)
			}
			if strings.TrimSpace(doc.body) != "Body" || doc.bodyPos.Line != strings.Count(tt.src, "\n") {
				t.Errorf("body %q at %v, want \"Body\" on the last line", doc.body, doc.bodyPos)
			}
			for _, w := range tt.want {
				f := strings.Fields(w)
				path := strings.Join(f[:len(f)-2], " ")
				k, v := nodeAt(doc.meta, path)
				if k == nil || v == nil {
					t.Errorf("%s: not found", path)
					continue
				}
				if got := fmt.Sprintf("%d:%d %d:%d", k.pos.Line, k.pos.Col, v.pos.Line, v.pos.Col); got != f[len(f)-2]+" "+f[len(f)-1] {
					t.Errorf("%s at %s, want %s %s", path, got, f[len(f)-2], f[len(f)-1])
				}
			}
		})
	}
}

// nodeAt returns the value at a dotted path, and the key it is under: for
// a list item, the key of the list.
func nodeAt(n *node, path string) (k, v *node) {
	v = n
	for _, name := range strings.Split(path, ".") {
		if i, err := strconv.Atoi(name); err == nil {
			if v.kind != list || i >= len(v.items) {
				return nil, nil
			}
			v = v.items[i]
			continue
		}
		if k, v = v.get(name); v == nil {
			return nil, nil
		}
	}
	return k, v
}
