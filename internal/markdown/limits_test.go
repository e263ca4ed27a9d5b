package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// shapes are the kinds of Markdown goldmark is slowest on, each as long as
// the limits allow, repeated to about size bytes.
var shapes = map[string]func(size int) string{
	"nested lists":             func(size int) string { return fill(size, nested(60, "  ", "- a")+"\n") },
	"nested block quotes":      func(size int) string { return fill(size, nested(120, ">", " a")+"\n") },
	"list markers on one line": func(size int) string { return fill(size, strings.Repeat("- ", 60)+"a\n\n") },
	"emphasis delimiters":      func(size int) string { return fill(size, "*a **a ***a _a __a ") },
	"nested brackets":          func(size int) string { return fill(size, strings.Repeat("[", 120)+"a"+strings.Repeat("]", 120)+"\n\n") },
	"unclosed links":           func(size int) string { return fill(size, strings.Repeat("[a](", 250)+"\n\n") },
	"unclosed link titles":     func(size int) string { return fill(size, strings.Repeat("[a](b '", 250)+"\n\n") },
	"backtick runs": func(size int) string {
		var b strings.Builder
		for b.Len() < size {
			for k := 1; k <= 32; k++ {
				b.WriteString(strings.Repeat("`", k) + " a ")
			}
		}
		return b.String()
	},
	"short table rows": func(size int) string {
		head := strings.Repeat("|a", 100) + "|\n" + strings.Repeat("|-", 100) + "|\n"
		return fill(size, head+strings.Repeat(strings.Repeat("|b", 5)+"\n", 4)+"\n")
	},
	"same headings": func(size int) string { return fill(size, "# a\n") },
	"link definitions": func(size int) string {
		return fill(size, strings.Repeat("[r]: /u\n", 50)+"\n"+strings.Repeat("[r] ", 250)+"\n\n")
	},
	"footnotes": func(size int) string {
		var b strings.Builder
		for i := range maxFootnotes {
			fmt.Fprintf(&b, "[^%d]: x [^%d]\n", i, i+1)
		}
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "\n\n[^%d]", i%maxFootnotes)
		}
		return b.String()
	},
}

func fill(size int, unit string) string {
	return strings.Repeat(unit, max(1, size/len(unit)))
}

// BenchmarkShapes renders each shape at 100 KiB and at 800 KiB: the time
// per byte should stay about the same.
func BenchmarkShapes(b *testing.B) {
	r := New()
	for name, shape := range shapes {
		for _, size := range []int{100 << 10, 800 << 10} {
			src := shape(size)
			b.Run(fmt.Sprintf("%s/%dKiB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := r.Render(src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestShapesRenderInTime renders each shape as large as allowed; each took
// from seconds to minutes before the limits.
func TestShapesRenderInTime(t *testing.T) {
	r := New()
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			src := shape(900 << 10)
			start := time.Now()
			if _, err := r.Render(src); err != nil {
				t.Fatal(err)
			}
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("%d KiB took %v", len(src)>>10, took)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"too large", strings.Repeat("a", maxBytes+1), 0, "at most 1024 KiB"},
		{"lists nested too deep", "text\n\n" + nested(200, "  ", "- a"), 67, "nested too deep"},
		{"block quotes nested too deep", "a\n" + strings.Repeat(">", 2000) + " a\n", 2, "nested too deep"},
		{"list markers", strings.Repeat("- ", 200) + "a", 1, "nested too deep"},
		{"brackets", "a\n\n" + strings.Repeat("[a](", 300), 3, "more than 256 '['"},
		{"long backtick run", "a " + strings.Repeat("`", 40) + " b", 1, "run of 40 backticks"},
		{"footnotes", footnotes(101), 101, "more than 100 footnotes"},
		{"table of short rows", "x\n\n|" + strings.Repeat("a|", 500) + "\n|" + strings.Repeat("-|", 500) + "\n" + strings.Repeat("|b\n", 2000), 4, "a table of 500 columns has 2000 rows"},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Render(tt.src)
			var le *LimitError
			if !errors.As(err, &le) {
				t.Fatalf("Render = %v, want a LimitError", err)
			}
			if le.Line != tt.line || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Render = line %d: %s\nwant line %d: …%s…", le.Line, le.Msg, tt.line, tt.msg)
			}
		})
	}
}

// TestWithinLimits checks that text an editor writes is not refused: code
// in a fence, many links in many paragraphs, link definitions, a wide
// table, a thematic break.
func TestWithinLimits(t *testing.T) {
	for _, src := range []string{
		"```\n" + strings.Repeat("[", 1000) + strings.Repeat("`", 100) + "\n" + strings.Repeat(" ", 300) + "- a\n```\n",
		strings.Repeat("See [a](https://a.example/) and [b][r].\n\n", 1000),
		strings.Repeat("[r]: https://r.example/\n", 1000),
		"|" + strings.Repeat("a|", 40) + "\n|" + strings.Repeat("-|", 40) + "\n" + strings.Repeat("|"+strings.Repeat("b|", 40)+"\n", 100),
		"a\n\n---\n\n* * *\n",
		nested(30, "  ", "- a"),
	} {
		if err := checkLimits([]byte(src)); err != nil {
			t.Errorf("%.40q… refused: %v", src, err)
		}
	}
}

// nested returns n lines of marker, each indented one step more.
func nested(n int, step, marker string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(step, i) + marker + "\n")
	}
	return b.String()
}

// footnotes returns n footnote definitions.
func footnotes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[^%d]: x\n", i)
	}
	return b.String()
}

// FuzzRender checks that no Markdown makes Render panic, and that text
// refused is refused with a line inside it.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"# A\n\n# A", "- a\n  - b\n    > c", "|a|b|\n|-|-|\n|c", "[a](b 'c')[^1]\n\n[^1]: d", "```\n[[[\n```\n", "`` ` ``", "*a **b***"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		_, err := r.Render(src)
		var le *LimitError
		if errors.As(err, &le) && le.Line > strings.Count(src, "\n")+1 {
			t.Fatalf("Render(%q) refused it at line %d, past its end", src, le.Line)
		}
	})
}
