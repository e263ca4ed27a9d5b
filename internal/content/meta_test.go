package content

import (
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
		"{\n\"title\": \"T\"\n}\nbody",
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
			checkNodePos(t, doc.meta)
		}
		if !strings.HasSuffix(string(data), doc.body) {
			t.Errorf("body %q is not the end of the file", doc.body)
		}
		if doc.bodyPos.Line < 1 {
			t.Errorf("body at %v", doc.bodyPos)
		}
	})
}

func checkNodePos(t *testing.T, n *node) {
	if n.pos.File == "" || n.pos.Line < 1 {
		t.Errorf("front-matter value %q at %v", n.str, n.pos)
	}
	for _, c := range n.items {
		checkNodePos(t, c)
	}
	for i := range n.keys {
		checkNodePos(t, n.keys[i])
		checkNodePos(t, n.vals[i])
	}
}
