package content

import (
	"regexp"
	"testing"
)

// FuzzValidSlug checks ValidSlug against the regular expression it stands
// for.
func FuzzValidSlug(f *testing.F) {
	re := regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	for _, s := range []string{"", "a", "a-b_c9", "-a", "_a", "A", "a b", "a.b", "é", "0", "a-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ValidSlug(s), re.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	})
}
