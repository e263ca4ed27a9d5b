package analysis

import "testing"

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
