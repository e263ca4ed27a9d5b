package nearest

import "testing"

func TestWord(t *testing.T) {
	keys := []string{"title", "status", "claimed_by", "disputed_by", "evidence", "updated"}
	for _, tt := range []struct{ in, want string }{
		{"evidnce", "evidence"},
		{"Evidence", "evidence"},
		{"claimedBy", "claimed_by"},
		{"claimed-by", "claimed_by"},
		{"statsu", "status"},
		{"colour", ""},
		{"x", ""},
	} {
		if got := Word(tt.in, keys); got != tt.want {
			t.Errorf("Word(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Word("baseURL", []string{"title", "description", "base_url", "language", "author"}); got != "base_url" {
		t.Errorf("Word(baseURL) = %q, want base_url", got)
	}
}
