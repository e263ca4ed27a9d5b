package analysis

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/internal/model"
)

// FuzzAliasMatcher checks that, for any aliases and any text, the matcher
// ends and finds only mentions inside the text, on word boundaries, of an
// alias of their actor, outer ones not overlapping each other.
func FuzzAliasMatcher(f *testing.F) {
	f.Add("Gladkov\nthe governor of Belgorod", "Putin", "The governor of Belgorod, Gladkov, said Putin's men left.")
	f.Add("a\n\nЯ", "x y", "a Я x y")
	f.Add("Kremlin spokesman\nKremlin", "kremlin", "Kremlin spokesman Kremlin kremlin")
	f.Add("é\u0301", "\xff", "é\u0301 \xff")
	f.Fuzz(func(t *testing.T, aliases1, aliases2, text string) {
		actors := []*model.Actor{
			{Slug: "a", File: "content/actors/a.md", Name: "Actor A", Aliases: strings.Split(aliases1, "\n")},
			{Slug: "b", File: "content/actors/b.md", Name: "Actor B", Aliases: strings.Split(aliases2, "\n")},
		}
		var diags model.Diagnostics
		am := newAliasMatcher(actors, new(memo), &diags)
		end := -1
		for _, m := range am.find(text) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("mention %+v outside the text of %d bytes", m, len(text))
			}
			if utf8.RuneCountInString(m.Alias) < 2 {
				t.Errorf("mention of the alias %q, shorter than two characters", m.Alias)
			}
			if !wordBoundary(text, m.Start, m.End) {
				t.Errorf("mention %q not on word boundaries", text[m.Start:m.End])
			}
			if m.Nested {
				continue
			}
			if m.Start < end {
				t.Errorf("mention %+v overlaps the one before", m)
			}
			end = m.End
		}
	})
}

// FuzzSlugify checks that the file name suggested for a new actor is a
// valid slug, whatever the name.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Vyacheslav Gladkov", "Владимир Путин", "", "O’Brien", "  --  ", "Ukraine's 3rd brigade", "東京"} {
		f.Add(s)
	}
	valid := regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	f.Fuzz(func(t *testing.T, name string) {
		if s := slugify(name); !valid.MatchString(s) {
			t.Errorf("slugify(%q) = %q, not a valid slug", name, s)
		}
	})
}
