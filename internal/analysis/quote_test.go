package analysis

import "testing"

func TestFindQuote(t *testing.T) {
	text := "He said more than 70 “Ukrainian fighters had been killed – and it’s over.\nThe  end."
	tests := []struct {
		name, quote string
		want        string // the matched original text, "" for no match
	}{
		{"exact", "more than 70", "more than 70"},
		{"straight quotes for curly", `70 "Ukrainian fighters`, "70 “Ukrainian fighters"},
		{"straight apostrophe for curly", "it's over", "it’s over"},
		{"hyphen for en dash", "killed - and", "killed – and"},
		{"em dash for en dash", "killed — and", "killed – and"},
		{"white space runs and newlines", "over.  The end", "over.\nThe  end"},
		{"surrounding space trimmed", "  The end. ", "The  end."},
		{"case is not ignored", "More than 70", ""},
		{"a changed word fails", "more than 80", ""},
		{"missing punctuation fails", "its over", ""},
		{"empty", " ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e, ok := findQuote(text, tt.quote)
			got := ""
			if ok {
				got = text[s:e]
			}
			if got != tt.want {
				t.Errorf("findQuote(%q) = %q, want %q", tt.quote, got, tt.want)
			}
		})
	}
}

func TestClosestPassage(t *testing.T) {
	text := "The Russian defence ministry earlier claimed to have “trapped and liquidated” units of anti-Kremlin Russian fighters."
	got, _ := closestPassage(text, "claimed to have “trapped and destroyed” units")
	if want := "claimed to have “trapped and liquidated” units"; got != want {
		t.Errorf("closestPassage = %q, want %q", got, want)
	}
}
