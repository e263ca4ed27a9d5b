package config

import (
	"strings"
	"testing"
)

// TestUnknownTable checks that an unknown [table] is reported at its
// header's line, before the keys in it.
func TestUnknownTable(t *testing.T) {
	src := "title = \"X\"\n\n[extra]\nfoo = 1\nbar = \"b\"\n\n[[more]]\nx = 1\n"
	_, diags := Parse("config.toml", []byte(src))
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+": "+d.Message)
	}
	want := []string{`config.toml:3:2: unknown key "extra"`, `config.toml:4:1: unknown key "extra.foo"`,
		`config.toml:5:1: unknown key "extra.bar"`, `config.toml:7:1: unknown key "more"`, `config.toml:8:1: unknown key "more.x"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNestedTooDeep checks that config.toml nested past source.MaxDepth
// is refused at the place it goes too deep, before the decoder spends
// its time on it, however large it is.
func TestNestedTooDeep(t *testing.T) {
	for src, want := range map[string]string{
		"title = \"X\"\nx = " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n": "config.toml:2:69",
		"[" + strings.Repeat("a.", 100) + "b]\n":                                                   "config.toml:1:130",
		"x = " + strings.Repeat("{a = ", 100) + "1" + strings.Repeat("}", 100) + "\n":              "config.toml:1:",
	} {
		_, diags := Parse("config.toml", []byte(src))
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) || !strings.Contains(diags[0].Message, "nested more than 64 deep") {
			t.Errorf("%.40q…: got %v, want one error at %s", src, diags, want)
		}
	}
}
