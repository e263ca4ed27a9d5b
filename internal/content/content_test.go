package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"briefing/internal/model"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":      file("---\ntitle: The raid\ndescription: What happened\n---\nOverview.\n"),
		"content/pages/about.md": file("---\ntitle: About\n---\nWho we are.\n"),
		// Front matter in the .txt, overridden by the sidecar.
		"content/articles/b-wire.txt": file("---\ntitle: Wire title\noutlet: Wire\nauthor: A. Writer\n---\nFirst line of text.\n\nSecond paragraph.\n"),
		"content/articles/b-wire.md":  file("---\ntitle: Editor's title\npublished: 2023-05-23\nderived_from: a-raw\n---\nThe editor's summary.\n"),
		// No metadata at all: the title comes from the text.
		"content/articles/a-raw.txt": file("\n  Belgorod governor says one killed  \n\nBody.\n"),
		// Editors' temporary files are not content.
		"content/articles/a-raw.txt~":     file("stale"),
		"content/articles/.a-raw.txt.swp": file("stale"),
		"content/actors/gladkov.md":       file("---\nname: Vyacheslav Gladkov\naliases: [Gladkov, \"the governor of Belgorod\"]\nkind: person\nside: Russia\n---\n"),
		"content/claims/one-killed.md":    file("---\ntitle: One person was killed\nstatus: confirmed\nclaimed_by: gladkov\nevidence:\n  - article: a-raw\n    quote: \"one killed\"\nupdated: 2023-05-24\n---\nAssessment.\n"),
	}
	s, diags := Load(fsys)
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	if s.Index.Title != "The raid" || s.Index.Description != "What happened" {
		t.Errorf("index = %+v", s.Index)
	}
	if len(s.Pages) != 1 || s.Pages[0].Slug != "about" || s.Pages[0].Title != "About" {
		t.Errorf("pages = %+v", s.Pages)
	}
	var slugs []string
	for _, a := range s.Articles {
		slugs = append(slugs, a.Slug)
	}
	if want := []string{"a-raw", "b-wire"}; !reflect.DeepEqual(slugs, want) {
		t.Fatalf("articles = %v, want %v (sorted, temp files skipped)", slugs, want)
	}

	raw := s.Articles[0]
	if raw.Title != "Belgorod governor says one killed" || !raw.TitleDerived {
		t.Errorf("derived title = %q (derived %v)", raw.Title, raw.TitleDerived)
	}
	if raw.Meta != "" || raw.File != "content/articles/a-raw.txt" {
		t.Errorf("files = %q, %q", raw.File, raw.Meta)
	}

	wire := s.Articles[1]
	if wire.Title != "Editor's title" || wire.TitleDerived {
		t.Errorf("sidecar title does not win: %q", wire.Title)
	}
	if wire.Outlet != "Wire" || wire.Author != "A. Writer" {
		t.Errorf(".txt front matter lost: outlet %q author %q", wire.Outlet, wire.Author)
	}
	if got := wire.Published.Format("2006-01-02"); got != "2023-05-23" {
		t.Errorf("published = %s", got)
	}
	if wire.DerivedFrom != "a-raw" || wire.DerivedPos != (model.Pos{File: "content/articles/b-wire.md", Line: 4, Col: 15}) {
		t.Errorf("derived_from = %q at %v", wire.DerivedFrom, wire.DerivedPos)
	}
	if wire.Text != "First line of text.\n\nSecond paragraph.\n" || wire.TextPos.Line != 6 {
		t.Errorf("text = %q at %v; want the text after the front matter, from line 6", wire.Text, wire.TextPos)
	}
	if strings.TrimSpace(wire.Summary.Source) != "The editor's summary." || wire.Summary.Pos.Line != 6 {
		t.Errorf("summary = %+v", wire.Summary)
	}

	if len(s.Actors) != 1 {
		t.Fatalf("actors = %+v", s.Actors)
	}
	a := s.Actors[0]
	if a.Name != "Vyacheslav Gladkov" || !reflect.DeepEqual(a.Aliases, []string{"Gladkov", "the governor of Belgorod"}) {
		t.Errorf("actor = %+v", a)
	}
	if len(a.AliasPos) != 2 || a.AliasPos[1].Line != 3 {
		t.Errorf("alias positions = %v", a.AliasPos)
	}

	if len(s.Claims) != 1 {
		t.Fatalf("claims = %+v", s.Claims)
	}
	c := s.Claims[0]
	if c.Status != model.Confirmed || len(c.ClaimedBy) != 1 || c.ClaimedBy[0].Slug != "gladkov" {
		t.Errorf("claim = %+v", c)
	}
	if len(c.Evidence) != 1 || c.Evidence[0].Article != "a-raw" || c.Evidence[0].Quote != "one killed" {
		t.Fatalf("evidence = %+v", c.Evidence)
	}
	if got := c.Evidence[0].QuotePos; got != (model.Pos{File: "content/claims/one-killed.md", Line: 7, Col: 12}) {
		t.Errorf("quote at %v, want content/claims/one-killed.md:7:12", got)
	}
}

// TestLoadDiagnostics checks the message and position of each problem an
// editor can make in one file.
func TestLoadDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string
	}{
		{
			name: "invalid slug",
			fsys: fstest.MapFS{"content/articles/Bad Name.txt": file("Text.")},
			want: []string{`content/articles/Bad Name.txt: file name "Bad Name.txt" is not a valid slug`},
		},
		{
			name: "sidecar without text",
			fsys: fstest.MapFS{"content/articles/lonely.md": file("---\ntitle: T\n---\n")},
			want: []string{"content/articles/lonely.md: sidecar has no article lonely.txt"},
		},
		{
			name: "not UTF-8",
			fsys: fstest.MapFS{"content/articles/latin1.txt": file("Caf\xe9.")},
			want: []string{"content/articles/latin1.txt:1:1: file is not valid UTF-8"},
		},
		{
			name: "unknown key",
			fsys: fstest.MapFS{"content/actors/x.md": file("---\nname: X\ncolour: red\n---\n")},
			want: []string{`content/actors/x.md:3:1: warning: unknown key "colour" is ignored`},
		},
		{
			name: "title_by other than editor",
			fsys: fstest.MapFS{"content/articles/a.txt": file("Text."), "content/articles/a.md": file("---\ntitle: T\ntitle_by: outlet\n---\n")},
			want: []string{`content/articles/a.md:3:11: title_by "outlet" is not "editor"`},
		},
		{
			name: "wrong type",
			fsys: fstest.MapFS{"content/actors/x.md": file("---\nname: [a, b]\n---\n")},
			want: []string{"content/actors/x.md:2:7: name must be text, not a list"},
		},
		{
			name: "missing required key",
			fsys: fstest.MapFS{"content/actors/x.md": file("---\nkind: person\n---\n")},
			want: []string{`content/actors/x.md:1:1: missing required key "name"`},
		},
		{
			name: "missing front matter",
			fsys: fstest.MapFS{"content/pages/x.md": file("Just text.\n")},
			want: []string{"content/pages/x.md:1:1: missing front matter"},
		},
		{
			name: "invalid date",
			fsys: fstest.MapFS{"content/articles/x.txt": file("---\npublished: 23/05/2023\n---\nText.")},
			want: []string{`content/articles/x.txt:2:12: published "23/05/2023" is not a date`},
		},
		{
			name: "toml unknown key",
			fsys: fstest.MapFS{"content/actors/x.md": file("+++\nname = \"X\"\n\n  colour = \"red\"\n+++\n")},
			want: []string{`content/actors/x.md:4:3: warning: unknown key "colour" is ignored`},
		},
		{
			name: "toml wrong type",
			fsys: fstest.MapFS{"content/actors/x.md": file("+++\nkind = \"person\"\nname = [\"a\", \"b\"]\n+++\n")},
			want: []string{"content/actors/x.md:3:8: name must be text, not a list"},
		},
		{
			name: "toml table where text is wanted",
			fsys: fstest.MapFS{"content/actors/x.md": file("+++\nname = \"X\"\n\n[role]\nx = 1\n+++\n")},
			want: []string{"content/actors/x.md:4:2: role must be text, not a map"},
		},
		{
			name: "toml evidence item",
			fsys: fstest.MapFS{"content/claims/x.md": file("+++\ntitle = \"T\"\nstatus = \"unverified\"\n" +
				"[[evidence]]\narticle = \"a\"\nquote = \"q\"\n[[evidence]]\nquote = \"q\"\nsource = \"x\"\n+++\n")},
			want: []string{
				"content/claims/x.md:7:1: evidence item has no article",
				`content/claims/x.md:9:1: warning: unknown evidence key "source" is ignored`,
			},
		},
		{
			name: "json unknown key",
			fsys: fstest.MapFS{"content/actors/x.md": file("{\n  \"name\": \"X\",\n  \"colour\": \"red\"\n}\n")},
			want: []string{`content/actors/x.md:3:3: warning: unknown key "colour" is ignored`},
		},
		{
			name: "json wrong type",
			fsys: fstest.MapFS{"content/actors/x.md": file("{\n  \"kind\": \"person\",\n  \"name\": [\n    \"a\"\n  ]\n}\n")},
			want: []string{"content/actors/x.md:3:11: name must be text, not a list"},
		},
		{
			name: "json evidence item",
			fsys: fstest.MapFS{"content/claims/x.md": file("{\n\"title\": \"T\",\n\"status\": \"unverified\",\n\"evidence\": [\n" +
				"  {\"article\": \"a\", \"quote\": \"q\"},\n  {\n    \"quote\": \"q\",\n    \"source\": [1]\n  }\n]\n}\n")},
			want: []string{
				"content/claims/x.md:6:3: evidence item has no article",
				"content/claims/x.md:8:15: evidence source must be text, not a list",
			},
		},
		{
			name: "yaml invalid stance",
			fsys: fstest.MapFS{"content/claims/x.md": file("---\ntitle: T\nstatus: unverified\nevidence:\n" +
				"  - article: a\n    quote: q\n    stance: refutes\n---\n")},
			want: []string{"content/claims/x.md:7:13: unknown stance \"refutes\"\n\tstance must be supports, contradicts or context"},
		},
		{
			name: "toml invalid stance",
			fsys: fstest.MapFS{"content/claims/x.md": file("+++\ntitle = \"T\"\nstatus = \"unverified\"\n" +
				"[[evidence]]\narticle = \"a\"\nquote = \"q\"\nstance = \"Supports\"\n+++\n")},
			want: []string{"content/claims/x.md:7:10: unknown stance \"Supports\"\n\tstance must be supports, contradicts or context"},
		},
		{
			name: "json invalid stance",
			fsys: fstest.MapFS{"content/claims/x.md": file("{\n\"title\": \"T\",\n\"status\": \"unverified\",\n\"evidence\": [\n" +
				"  {\"article\": \"a\", \"quote\": \"q\", \"stance\": \"agrees\"}\n]\n}\n")},
			want: []string{"content/claims/x.md:5:44: unknown stance \"agrees\"\n\tstance must be supports, contradicts or context"},
		},
		{
			name: "claim with bad status and evidence",
			fsys: fstest.MapFS{"content/claims/x.md": file("---\ntitle: T\nstatus: likely\nevidence:\n  - quote: q\n---\n")},
			want: []string{
				`content/claims/x.md:3:9: unknown status "likely"`,
				"content/claims/x.md:5:5: evidence item has no article",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(tt.fsys)
			diags.Sort()
			if len(diags) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(diags), len(tt.want), diags)
			}
			for i, d := range diags {
				if got := d.String(); !strings.HasPrefix(got, tt.want[i]) {
					t.Errorf("got  %s\nwant %s…", got, tt.want[i])
				}
			}
		})
	}
}

// TestLoadClaimFormats loads one claim, with two evidence items, written
// in each front-matter format, and checks that each quote and article is
// placed at its own line and column: a misquote is reported there.
func TestLoadClaimFormats(t *testing.T) {
	const article = "content/articles/a.txt"
	tests := []struct {
		name, src string
		// positions of evidence 0's quote, and 1's article, quote and stance
		quote0, article1, quote1, stance1 string
	}{
		{
			name: "yaml",
			src: "---\ntitle: T\nstatus: disputed\nevidence:\n" +
				"  - article: a\n    quote: \"one killed\"\n" +
				"  - article: a\n    quote: \"two were killed\"\n    stance: contradicts\n---\nBody.\n",
			quote0: "6:12", article1: "7:14", quote1: "8:12", stance1: "9:13",
		},
		{
			name: "toml",
			src: "+++\ntitle = \"T\"\nstatus = \"disputed\"\n\n" +
				"[[evidence]]\narticle = \"a\"\nquote = \"one killed\"\n\n" +
				"[[evidence]]\n  article = \"a\"  # the same article\n  quote = 'two were killed'\n  stance = \"contradicts\"\n+++\nBody.\n",
			quote0: "7:9", article1: "10:13", quote1: "11:11", stance1: "12:12",
		},
		{
			name: "toml, inline tables",
			src: "+++\ntitle = \"T\"\nstatus = \"disputed\"\nevidence = [\n" +
				"  { article = \"a\", quote = \"one killed\" },\n" +
				"  { article = \"a\", quote = \"\"\"two were killed\"\"\", stance = \"contradicts\" },\n]\n+++\nBody.\n",
			quote0: "5:28", article1: "6:15", quote1: "6:28", stance1: "6:60",
		},
		{
			name: "json",
			src: "{\n  \"title\": \"T\",\n  \"status\": \"disputed\",\n  \"evidence\": [\n" +
				"    {\n      \"article\": \"a\",\n      \"quote\": \"one killed\"\n    },\n" +
				"    {\n      \"article\": \"a\",\n      \"quote\": \"two \\\"were} killed\",\n      \"stance\": \"contradicts\"\n    }\n  ]\n}\nBody.\n",
			quote0: "7:16", article1: "10:18", quote1: "11:16", stance1: "12:17",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				article:               file("One killed, officials said.\n"),
				"content/claims/c.md": file(tt.src),
			}
			s, diags := Load(fsys)
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%v", diags)
			}
			c := s.Claims[0]
			if len(c.Evidence) != 2 || c.Evidence[1].Article != "a" || !strings.HasSuffix(c.Evidence[1].Quote, "killed") {
				t.Fatalf("evidence = %+v", c.Evidence)
			}
			at := func(p model.Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
			for _, got := range []struct{ what, got, want string }{
				{"evidence 0 quote", at(c.Evidence[0].QuotePos), tt.quote0},
				{"evidence 1 article", at(c.Evidence[1].ArticlePos), tt.article1},
				{"evidence 1 quote", at(c.Evidence[1].QuotePos), tt.quote1},
				{"evidence 1 stance", at(c.Evidence[1].StancePos), tt.stance1},
			} {
				if got.got != got.want {
					t.Errorf("%s at %s, want %s", got.what, got.got, got.want)
				}
			}
			if c.Evidence[0].Stance != model.Supports || c.Evidence[1].Stance != model.Contradicts {
				t.Errorf("stances %q, %q; want supports (the default), contradicts", c.Evidence[0].Stance, c.Evidence[1].Stance)
			}
			if c.Body.Source != "Body.\n" || c.Body.Pos.Line != strings.Count(tt.src, "\n") {
				t.Errorf("body %q at %v, want it on the file's last line", c.Body.Source, c.Body.Pos)
			}
		})
	}
}

// TestLoadTitleBy checks that an editor's title is marked as such, and a
// published headline is not.
func TestLoadTitleBy(t *testing.T) {
	s, diags := Load(fstest.MapFS{
		"content/articles/a.txt": file("Text."),
		"content/articles/a.md":  file("---\ntitle: A title the editor wrote\ntitle_by: editor\n---\n"),
		"content/articles/b.txt": file("---\ntitle: The published headline\n---\nText."),
	})
	if err := diags.Errors(); err != nil {
		t.Fatal(err)
	}
	if a := s.Article("a"); !a.EditorTitle() {
		t.Errorf("article a: title_by %q, want the editor's title marked", a.TitleBy)
	}
	if b := s.Article("b"); b.EditorTitle() {
		t.Errorf("article b: a published headline is marked as the editor's")
	}
}
