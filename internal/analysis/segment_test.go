package analysis

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/internal/model"
)

func newSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	s, err := NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// texts returns the sentence texts, one inner slice per paragraph.
func texts(paras []model.Paragraph, sents []model.Sentence) [][]string {
	var out [][]string
	for _, p := range paras {
		var ss []string
		for i := p.First; i <= p.Last; i++ {
			ss = append(ss, sents[i].Text)
		}
		out = append(out, ss)
	}
	return out
}

func TestSegment(t *testing.T) {
	long := "This line is not hard-wrapped: it runs on well past one hundred characters, as scraped text does, to the end."
	tests := []segmentCase{
		{
			name: "abbreviation U.S.",
			in:   "The U.S. State Department said it was aware of the reports. It gave no details.",
			want: [][]string{{"The U.S. State Department said it was aware of the reports.", "It gave no details."}},
		},
		{
			name: "title Mr.",
			in:   "Mr. Smith went to Washington. He came back on Tuesday.",
			want: [][]string{{"Mr. Smith went to Washington.", "He came back on Tuesday."}},
		},
		{
			name: "initials",
			in:   "The book was written by J. R. R. Tolkien in England. It sold well.",
			want: [][]string{{"The book was written by J. R. R. Tolkien in England.", "It sold well."}},
		},
		{
			name: "straight quotation with full stops",
			in:   `He said: "Go home. Now." Then left.`,
			want: [][]string{{`He said: "Go home. Now."`, "Then left."}},
		},
		{
			name: "curly quotation with full stops",
			in:   "She said: “Go home. Now. Do not wait.” Then she left.",
			want: [][]string{{"She said: “Go home. Now. Do not wait.”", "Then she left."}},
		},
		{
			name: "quote left open does not swallow the paragraph",
			in:   "A voice is heard saying, “RDK fighters have crossed the border again. Russia will soon be free. One. Two. Three. Four.",
			want: [][]string{{
				"A voice is heard saying, “RDK fighters have crossed the border again.",
				"Russia will soon be free.", "One.", "Two.", "Three.", "Four.",
			}},
		},
		{
			name: "lower-case continuation",
			in:   "Militias attacked a border crossing and an office. of the Federal Security Service, or FSB. Officials said so.",
			want: [][]string{{"Militias attacked a border crossing and an office. of the Federal Security Service, or FSB.", "Officials said so."}},
		},
		{
			name: "blank lines separate paragraphs",
			in:   "First paragraph. Still the first.\n\n\n  Second paragraph.  \n\nThird.",
			want: [][]string{{"First paragraph.", "Still the first."}, {"Second paragraph."}, {"Third."}},
		},
		{
			name: "hard-wrapped lines stay one paragraph",
			in:   "A short line of a wrapped\nparagraph ends here. Then another\nsentence follows.",
			want: [][]string{{"A short line of a wrapped\nparagraph ends here.", "Then another\nsentence follows."}},
		},
		{
			name: "one paragraph a line when not hard-wrapped",
			in:   long + "\nSecond line.\nThird line.",
			want: [][]string{{long}, {"Second line."}, {"Third line."}},
		},
		{
			name: "CRLF line ends",
			in:   "One.\r\n\r\nTwo. Three.\r\n",
			want: [][]string{{"One."}, {"Two.", "Three."}},
		},
		{
			name: "empty",
			in:   " \n\n\t\n",
			want: nil,
		},
		{
			name: "no final full stop",
			in:   "Before and after images of the destroyed Ukrainian town of Bakhmut",
			want: [][]string{{"Before and after images of the destroyed Ukrainian town of Bakhmut"}},
		},
	}
	checkSegments(t, tests)
}

// TestSegmentRealArticles checks sentences of the default briefing that a
// naive splitter gets wrong, and the invariants on every article.
func TestSegmentRealArticles(t *testing.T) {
	s := newSegmenter(t)
	files, err := filepath.Glob("../../content/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in ../../content/articles: %v", err)
	}
	all := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		paras, sents := s.Segment(string(data))
		checkSpans(t, string(data), paras, sents)
		if len(sents) < 10 {
			t.Errorf("%s: only %d sentences", f, len(sents))
		}
		for _, x := range sents {
			all[x.Text] = true
		}
	}
	for _, want := range []string{
		// A stray full stop before a lower-case word does not end the sentence.
		"KYIV, Ukraine – Russian officials said on Tuesday that a counterterrorism operation expelled saboteurs from the western region of Belgorod, which borders Ukraine, after militias made up of Russians fighting on Ukraine’s side during the war launched an attack on a border crossing and an office. of the Federal Security Service, or FSB.",
		// Curly quotes inside a sentence.
		"The militias, called the Russian Volunteer Corps and the Free Russian Legion, are made up of ethnic Russian fighters, including Russian citizens, who oppose Putin and say they are working to “liberate” their homeland.",
		// A headline line without a full stop is a sentence of its own.
		"Before and after images of the destroyed Ukrainian town of Bakhmut",
		"Belgorod Governor Vyacheslav Gladkov said on Tuesday that one person was killed and eight injured in the militia attack.",
		// One scraped line per paragraph.
		"Moscow has claimed it repelled an attack on Russian soil led by Ukraine-aligned militias, who have insisted their campaign is continuing.",
	} {
		if !all[want] {
			t.Errorf("no sentence %q", want)
		}
	}
}

func TestSegmentIDs(t *testing.T) {
	s := newSegmenter(t)
	text := "Gladkov said one person was killed. The ministry said 70 fighters died.\n\nThe claims could not be verified. Peskov blamed Kyiv."
	_, a := s.Segment(text)
	_, b := s.Segment(text)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("same text, different sentences:\n%v\n%v", a, b)
	}
	for _, x := range a {
		if !strings.HasPrefix(x.ID, "s-") {
			t.Errorf("id %q does not start with s-", x.ID)
		}
	}

	// Editing one sentence changes only its ID, even though every later
	// offset moves.
	edited := strings.Replace(text, "70 fighters", "more than 70 fighters", 1)
	_, c := s.Segment(edited)
	if len(c) != len(a) {
		t.Fatalf("edit changed the sentence count: %d → %d", len(a), len(c))
	}
	for i := range a {
		changed := a[i].ID != c[i].ID
		if want := i == 1; changed != want {
			t.Errorf("sentence %d %q: id %s → %s; changed=%v, want %v", i, c[i].Text, a[i].ID, c[i].ID, changed, want)
		}
	}

	// Re-wrapping a sentence does not change its ID.
	_, d := s.Segment(strings.Replace(text, "could not be verified", "could not\nbe verified", 1))
	if d[2].ID != a[2].ID {
		t.Errorf("re-wrapped sentence: id %s → %s", a[2].ID, d[2].ID)
	}

	// Duplicates get -2, -3 in order; the first keeps the plain ID.
	_, e := s.Segment("Nothing was confirmed. Officials spoke.\n\nNothing was confirmed.\n\nNothing was confirmed.")
	ids := []string{e[0].ID, e[2].ID, e[3].ID}
	if want := []string{ids[0], ids[0] + "-2", ids[0] + "-3"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("duplicate ids = %v, want %v", ids, want)
	}
	seen := map[string]bool{}
	for _, x := range e {
		if seen[x.ID] {
			t.Errorf("id %s used twice", x.ID)
		}
		seen[x.ID] = true
	}
}

// checkSpans checks the invariants every caller relies on: sentences are in
// order, do not overlap, are the exact bytes of text they claim to be, are
// trimmed, and paragraphs cover the sentences in order.
func checkSpans(t testing.TB, text string, paras []model.Paragraph, sents []model.Sentence) {
	t.Helper()
	prev := 0
	for i, x := range sents {
		if x.Start < prev || x.End < x.Start || x.End > len(text) {
			t.Fatalf("sentence %d [%d:%d] out of order or range (previous end %d, len %d)", i, x.Start, x.End, prev, len(text))
		}
		if x.Text != text[x.Start:x.End] {
			t.Fatalf("sentence %d: Text %q != text[%d:%d] %q", i, x.Text, x.Start, x.End, text[x.Start:x.End])
		}
		if x.Text == "" || strings.TrimSpace(x.Text) != x.Text {
			t.Errorf("sentence %d %q is empty or not trimmed", i, x.Text)
		}
		if !utf8.ValidString(x.Text) && utf8.ValidString(text) {
			t.Errorf("sentence %d %q splits a UTF-8 sequence", i, x.Text)
		}
		if x.Para < 0 || x.Para >= len(paras) || i < paras[x.Para].First || i > paras[x.Para].Last {
			t.Errorf("sentence %d claims paragraph %d, which does not hold it", i, x.Para)
		}
		prev = x.End
	}
	next := 0
	for j, p := range paras {
		if p.First != next || p.Last < p.First {
			t.Fatalf("paragraph %d = %+v, want to start at %d", j, p, next)
		}
		next = p.Last + 1
	}
	if next != len(sents) {
		t.Errorf("paragraphs cover %d sentences, have %d", next, len(sents))
	}
}

func FuzzSegment(f *testing.F) {
	for _, seed := range []string{
		"",
		"One. Two.",
		"The U.S. said so. Mr. Smith agreed.",
		"He said: \"Go home. Now.\" Then left.",
		"She said: “Go home. Now.” Then left.",
		"“Open. Never closed. A. B. C. D.",
		"”Close first. “Then open.",
		"an office. of the FSB. Then.",
		"a\n\nb\r\n\r\nc",
		"   \n\t \n",
		". . .",
		"\"\"\"\". \". \"",
		"J. R. R. Tolkien. ...",
		"Ünïcödé text. Ещё одно предложение. 中文句子。",
		"\xff\xfe invalid. bytes.",
		strings.Repeat("x", 120) + ". Next.\nLine.",
	} {
		f.Add(seed)
	}
	s := newSegmenter(f)
	f.Fuzz(func(t *testing.T, text string) {
		paras, sents := s.Segment(text)
		checkSpans(t, text, paras, sents)
	})
}

// TestSegmentWrappedAndDated checks patterns of scraped wire copy: a
// sentence hard-wrapped over lines in text that otherwise has one
// paragraph a line, and a dateline or a date with a month abbreviation.
func TestSegmentWrappedAndDated(t *testing.T) {
	long := "The regional council met for three hours on Monday evening and heard from residents of every village on the river."
	tests := []segmentCase{
		{
			name: "a sentence wrapped over three lines",
			in:   long + "\nAfter the vote the council issued a\nstatement warning that any attack would be a\n\"gift to the enemy\" and asked for calm.\nThe mayor did not attend.",
			want: [][]string{{long}, {"After the vote the council issued a\nstatement warning that any attack would be a\n\"gift to the enemy\" and asked for calm."}, {"The mayor did not attend."}},
		},
		{
			name: "a line ending in a comma",
			in:   long + "\nThe minister, who spoke from the capital,\nSaid nothing about the bridge.",
			want: [][]string{{long}, {"The minister, who spoke from the capital,\nSaid nothing about the bridge."}},
		},
		{
			name: "a headline and a caption stay paragraphs of their own",
			in:   "Flooding closes the river road\nResidents wade through water in Lenton on Tuesday\n" + long,
			want: [][]string{{"Flooding closes the river road"}, {"Residents wade through water in Lenton on Tuesday"}, {long}},
		},
		{
			name: "a finished line is a paragraph",
			in:   long + "\nthe next line starts in lower case but the last one ended.",
			want: [][]string{{long}, {"the next line starts in lower case but the last one ended."}},
		},
		{
			name: "a dateline with a month abbreviation",
			in:   "Kyiv, Aug. 3, (AP) - Ukraine's president said the talks would resume. He gave no date.",
			want: [][]string{{"Kyiv, Aug. 3, (AP) - Ukraine's president said the talks would resume.", "He gave no date."}},
		},
		{
			name: "a date inside a sentence",
			in:   "The law took effect on Sept. 14 and was repealed on Dec. 2, 2021. Nobody noticed.",
			want: [][]string{{"The law took effect on Sept. 14 and was repealed on Dec. 2, 2021.", "Nobody noticed."}},
		},
		{
			name: "a number after an ordinary sentence end",
			in:   "The count ended in a draw. 12 seats went to each side.",
			want: [][]string{{"The count ended in a draw.", "12 seats went to each side."}},
		},
	}
	checkSegments(t, tests)
}

// TestSegmentNumberEnds checks that a sentence ending in a number ends
// there, and that a list item's number or a decimal does not end one.
func TestSegmentNumberEnds(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"It was repealed in 2021. Nobody noticed.", []string{"It was repealed in 2021.", "Nobody noticed."}},
		{"The fund holds 1,200. “That is enough,” she said.", []string{"The fund holds 1,200.", "“That is enough,” she said."}},
		{"Growth was 2.5 percent. Prices rose.", []string{"Growth was 2.5 percent.", "Prices rose."}},
		{"1. The council meets on Monday.", []string{"1. The council meets on Monday."}},
	}
	s := newSegmenter(t)
	for _, tt := range tests {
		_, sents := s.Segment(tt.in)
		var got []string
		for _, st := range sents {
			got = append(got, st.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Segment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// segmentCase is a text and the sentences it must be split into, by
// paragraph.
type segmentCase struct {
	name string
	in   string
	want [][]string // paragraphs of sentences
}

// checkSegments segments each case's text and compares the result.
func checkSegments(t *testing.T, tests []segmentCase) {
	t.Helper()
	s := newSegmenter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras, sents := s.Segment(tt.in)
			checkSpans(t, tt.in, paras, sents)
			if got := texts(paras, sents); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
