package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // first diagnostic, "" for none
	}{
		{"empty", "", ""},
		{"ok", "title = \"X\"\nbase_url = \"https://u.github.io/r/\"\n", ""},
		{"unknown key", "title = \"X\"\n  colour = \"red\"\n", `config.toml:2:3: unknown key "colour"`},
		{"wrong type", "title = \"X\"\nlanguage = 3\n", "config.toml:2:"},
		{"syntax", "title = \n", "config.toml:1:"},
		{"bad base", "base_url = \"example.org\"\n", "config.toml:1:1: base_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("config.toml", []byte(tt.src))
			if tt.want == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected diagnostics: %v", diags)
				}
				return
			}
			if len(diags) == 0 {
				t.Fatalf("no diagnostic, want %q", tt.want)
			}
			if got := diags[0].String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want prefix %q", got, tt.want)
			}
		})
	}
}

func TestBasePath(t *testing.T) {
	for in, want := range map[string]string{
		"/":                        "/",
		"https://u.github.io/repo": "/repo/",
		"https://example.org/sub/": "/sub/",
		"https://example.org":      "/",
	} {
		if got := (Config{BaseURL: in}).BasePath(); got != want {
			t.Errorf("BasePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParsePositions checks that every problem is reported, each at its
// own config.toml:line:col, however the file is laid out: keys in tables
// and arrays of tables, after comments, quoted, and with names that other
// tables share.
func TestParsePositions(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // position and message of each diagnostic
	}{
		{
			name: "keys in a table",
			src:  "title = \"X\"\n[site]\ntitle = \"S\"\n  colour = \"red\"\n",
			want: []string{
				`config.toml:2:2 unknown key "site"`,
				`config.toml:3:1 unknown key "site.title"`,
				`config.toml:4:3 unknown key "site.colour"`,
			},
		},
		{
			name: "after comments",
			src:  "# colour = \"no\"\ntitle = \"X\" # colour = 1\n\n  colour = \"red\" # here\n",
			want: []string{`config.toml:4:3 unknown key "colour"`},
		},
		{
			name: "quoted",
			src:  "\"title\" = \"X\"\n  \"col our\" = 1\n'lang' = \"x\"\n",
			want: []string{
				`config.toml:2:3 unknown key "\"col our\""`,
				`config.toml:3:1 unknown key "lang"`,
			},
		},
		{
			name: "arrays of tables",
			src:  "[[links]]\ntitle = 1\n[[links]]\n  title = 2\n",
			want: []string{
				`config.toml:1:1 unknown key "links"`,
				`config.toml:2:1 unknown key "links.title"`,
				`config.toml:3:1 unknown key "links"`,
				`config.toml:4:3 unknown key "links.title"`,
			},
		},
		{
			name: "inline array of tables",
			src:  "links = [{url = \"a\"}, {url = \"b\"}]\n",
			want: []string{
				`config.toml:1:1 unknown key "links"`,
				`config.toml:1:11 unknown key "links.url"`,
				`config.toml:1:24 unknown key "links.url"`,
			},
		},
		{
			name: "wrong types, each, not the inline table's title",
			src:  "site = { title = 1 }\ntitle = 2\n  language = [1]\nauthor = \"A\"\n",
			want: []string{
				`config.toml:2:1 title must be text, not a number`,
				`config.toml:3:3 language must be text, not a list`,
				`config.toml:1:1 unknown key "site"`,
				`config.toml:1:10 unknown key "site.title"`,
			},
		},
		{
			name: "a setting as a table",
			src:  "title.main = \"X\"\n[author]\nname = \"A\"\n",
			want: []string{
				`config.toml:1:1 title must be text, not a table`,
				`config.toml:2:2 author must be text, not a table`,
			},
		},
		{
			name: "base_url, not the inline table's",
			src:  "site = { base_url = \"https://x/\" }\n  base_url = \"example.org\"\n",
			want: []string{
				`config.toml:1:1 unknown key "site"`,
				`config.toml:1:10 unknown key "site.base_url"`,
				`config.toml:2:3 base_url "example.org" is neither an absolute URL nor a path starting with /; start it with https://`,
			},
		},
		{
			name: "CRLF",
			src:  "title = \"X\"\r\n[site]\r\n  colour = 1\r\n",
			want: []string{
				`config.toml:2:2 unknown key "site"`,
				`config.toml:3:3 unknown key "site.colour"`,
			},
		},
		{
			name: "syntax",
			src:  "title = \"X\"\n\nlanguage = fr\n",
			want: []string{`config.toml:3:12 expected value but found "fr" instead`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("config.toml", []byte(tt.src))
			var got []string
			for _, d := range diags {
				got = append(got, d.Pos.String()+" "+d.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestSettingsAreText guards Parse's type check, which knows only text:
// a setting of another type needs it taught.
func TestSettingsAreText(t *testing.T) {
	c := reflect.TypeFor[Config]()
	for i := range c.NumField() {
		if f := c.Field(i); f.Type.Kind() != reflect.String {
			t.Errorf("Config.%s is %s; Parse checks only for text", f.Name, f.Type)
		}
	}
}

// FuzzParse checks that Parse ends on any text, and places every problem
// inside the file.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"title = \"X\"\n[site]\ntitle = 1\n",
		"[[a]]\nb = 1\n[[a]]\nc = [{d = 1}]\n",
		"title.x = 1\nlanguage = [1]\n\"q.k\" = 2\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		_, diags := Parse("config.toml", []byte(src))
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Errorf("%v outside the %d lines of %q", d, lines, src)
			}
		}
	})
}

// TestCheckBaseURL: every page's links and canonical address are made by
// appending to base_url, so only an http(s) address or a path will do.
func TestCheckBaseURL(t *testing.T) {
	for in, ok := range map[string]bool{
		"https://u.github.io/repo/":  true,
		"http://localhost:8080/":     true,
		"https://example.org":        true,
		"/":                          true,
		"/repo/":                     true,
		"example.org":                false,
		"javascript:alert(1)//":      false,
		"ftp://example.org/":         false,
		"file:///etc/":               false,
		"//example.org/":             false,
		"https:///repo/":             false,
		"https://example.org/?x=1":   false,
		"https://example.org/?":      false,
		"https://example.org/#top":   false,
		"https://example.org/#":      false,
		"https://me:pw@example.org/": false,
		"https://exa mple.org/":      false,
		"https://example.org/\n":     false,
		"data:text/html,<b>x</b>":    false,
	} {
		err := CheckBaseURL(in)
		if (err == nil) != ok {
			t.Errorf("CheckBaseURL(%q) = %v, want ok=%v", in, err, ok)
		}
	}
	_, diags := Parse("config.toml", []byte("title = \"X\"\nbase_url = \"javascript:alert(1)//\"\n"))
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), `config.toml:2:1: base_url "javascript:alert(1)//" is not an http or https URL`) {
		t.Errorf("diagnostics = %v", diags)
	}
}
