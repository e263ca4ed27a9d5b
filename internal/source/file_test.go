package source

import (
	"strings"
	"testing"

	"briefing/internal/model"
)

// TestFilePos checks offsets against lines ending in LF and CRLF, a last
// line without a newline, and offsets outside the text.
func TestFilePos(t *testing.T) {
	f := NewFile("f", []byte("ab\r\n\ncd"))
	for off, want := range map[int]string{
		-1: "f:1:1",
		0:  "f:1:1",
		2:  "f:1:3", // the \r
		3:  "f:1:4", // the \n ends its own line
		4:  "f:2:1",
		5:  "f:3:1",
		6:  "f:3:2",
		7:  "f:3:3", // the end of the text
		99: "f:3:3",
	} {
		if got := f.Pos(off).String(); got != want {
			t.Errorf("Pos(%d) = %s, want %s", off, got, want)
		}
	}
	if n := f.LineCount(); n != 3 {
		t.Errorf("LineCount() = %d, want 3", n)
	}
	if got := f.Pos(f.LineStart(3)); got != (model.Pos{File: "f", Line: 3, Col: 1}) {
		t.Errorf("Pos(LineStart(3)) = %v", got)
	}
}

// TestFilePosCharacters checks that columns count characters, not bytes,
// after curly quotes and accented letters.
func TestFilePosCharacters(t *testing.T) {
	text := "title: “Café”, x\nnext"
	f := NewFile("f", []byte(text))
	for _, tt := range []struct {
		at   string // the text at the offset
		want string
	}{
		{"“", "f:1:8"},
		{"é", "f:1:12"},
		{", x", "f:1:14"},
		{"x", "f:1:16"},
		{"next", "f:2:1"},
	} {
		off := strings.Index(text, tt.at)
		if got := f.Pos(off).String(); got != tt.want {
			t.Errorf("Pos(offset of %q) = %s, want %s", tt.at, got, tt.want)
		}
	}
}
