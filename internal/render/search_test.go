package render

import "testing"

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"The mayor", "the Mayor of the town"}, "The mayor of town"},
		{[]string{"See [the report](https://x.example/a_b) **now**."}, "See the report now"},
		{[]string{"Russia’s 'so-called' -dash- 2023"}, "Russia’s so-called dash 2023"},
		{[]string{"Kyïv, Kyïv; KYÏV"}, "Kyïv"},
		{nil, ""},
	} {
		if got := words(c.in...); got != c.want {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPlainStart(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"A *short* [text](http://x).\n\nSecond paragraph.", 100, "A short text."},
		{"# Title\nbody", 100, "Title body"},
		{"one two three four", 12, "one two…"},
		{"ééééé", 5, "éé…"},
		{"", 10, ""},
	} {
		if got := plainStart(c.in, c.max); got != c.want {
			t.Errorf("plainStart(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}
