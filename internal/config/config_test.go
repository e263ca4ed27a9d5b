package config

import (
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
