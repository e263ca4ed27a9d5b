package model

import (
	"testing"
)

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                  "plain text",
		"“curly” café – ok":           "“curly” café – ok",
		"a\tb":                        `a\tb`,
		"forged\nx.md:1:1: error":     `forged\nx.md:1:1: error`,
		"over\rwrite":                 `over\rwrite`,
		"\x1b[2J\x1b]0;title\x07":     `\x1b[2J\x1b]0;title\x07`,
		"del\x7f":                     `del\x7f`,
		"c1\u009b31m":                 `c1\u009b31m`,
		"gnol\u202e":                  `gnol\u202e`,
		"\u2066iso\u2069\u200f\u061c": `\u2066iso\u2069\u200f\u061c`,
		"line\u2028sep":               `line\u2028sep`,
		"bad\xffutf8":                 `bad\xffutf8`,
		"":                            "",
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestDiagnosticStringEscapes: no file name or content can start a line
// of its own, or drive the terminal; the hint's own line breaks stay.
func TestDiagnosticStringEscapes(t *testing.T) {
	d := Diagnostic{
		Pos:      Pos{File: "content/articles/\x1b[31mred\n.txt", Line: 2, Col: 3},
		Severity: Warning,
		Message:  "text \"a\r\nb.md:1:1: forged\" \u202etxt.exe",
		Hint:     "it reads:\n  the bridge\x1b[2J\nwas\tclosed",
	}
	want := "content/articles/\\x1b[31mred\\n.txt:2:3: warning: text \"a\\r\\nb.md:1:1: forged\" \\u202etxt.exe\n" +
		"\tit reads:\n\t  the bridge\\x1b[2J\n\twas\\tclosed"
	if got := d.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if got := (ErrorList{d}).Error(); got != want {
		t.Errorf("ErrorList.Error() =\n%s\nwant\n%s", got, want)
	}
}
