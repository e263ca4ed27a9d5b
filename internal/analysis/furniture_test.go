package analysis

import (
	"strings"
	"testing"
)

// TestFurniture checks the rule that sets page furniture apart, on text
// written in the patterns scrapers bring along, and on article text that
// must stay text.
func TestFurniture(t *testing.T) {
	for _, tt := range []struct {
		para string
		want bool
	}{
		{"SIGN UP FOR OUR MORNING NEWSLETTER AND NEVER MISS A STORY", true},
		{"CLICK HERE TO READ MORE FROM THE RIVER GAZETTE", true},
		{"© 2021 River Gazette", true},
		{"Copyright 2021 River Gazette. All rights reserved.", true},
		{"Video Embed", true},
		{"Related Content", true},
		{"Share this article", true},
		{"River Gazette", true},
		{"Flooding closes the river road as residents wade to work", false}, // a headline
		{"Residents wade through water in Lenton on Tuesday. (Photo: J. Doe/River Gazette)", false},
		{"The council said the road would reopen.", false},
		{"“We are ready,” she said.", false},
		{"Updated 2021", false}, // ends in a number: a dateline, not a label
		{"NATO said on Tuesday it would send observers.", false},
	} {
		if got := isFurnitureText(tt.para); got != tt.want {
			t.Errorf("isFurnitureText(%q) = %v, want %v", tt.para, got, tt.want)
		}
	}
}

// TestFurnitureHelpers holds the shortcuts of isFurnitureText to what
// they stand for.
func TestFurnitureHelpers(t *testing.T) {
	for _, s := range []string{"", "a", "one two three four", "one two three four five", "  a\u00a0b\tc\nd  ", "a b c d e f g", "\xff \xfe x y z",
		"COPYRİGHT 2023", "Copyright © Reuters", "copyrigh", "©", "КОПИРАЙТ x", "copyright", "Copyright\u00a0x", "\xffopyright x", "COPYRIGHT  "} {
		checkFurnitureHelpers(t, s)
	}
}

func FuzzFurnitureHelpers(f *testing.F) {
	f.Add("COPYRİGHT 2023")
	f.Add("one two three four five")
	f.Fuzz(checkFurnitureHelpers)
}

func checkFurnitureHelpers(t *testing.T, s string) {
	if got, want := moreWords(s, 4), len(strings.Fields(s)) > 4; got != want {
		t.Errorf("moreWords(%q, 4) = %v, want %v", s, got, want)
	}
	if got, want := lowersTo(s, "copyright "), strings.HasPrefix(strings.ToLower(s), "copyright "); got != want {
		t.Errorf("lowersTo(%q, copyright) = %v, want %v", s, got, want)
	}
}
