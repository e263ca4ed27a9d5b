package analysis

import (
	"context"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/model"
	"briefing/internal/parallel"
)

// Suggestions: the people and organisations the articles name at least
// twice and that no actor file covers yet.
//
// A name is a run of capitalised words, possibly joined by "of", "the",
// "for" or "de" ("Freedom of Russia Legion"), with leading function words
// and titles taken off ("Belgorod Governor Vyacheslav Gladkov" is "Vyacheslav
// Gladkov"); an organisation is also "the <modifier> <ministry|service|…>"
// in lower case ("the interior ministry"). A surname alone counts for the
// full name it ends ("Gladkov" for "Vyacheslav Gladkov"). Left out are:
// names an actor's name or alias covers, wholly or in part; single words
// that the articles also use in lower case ("Members", "Western") or that
// look like nationality adjectives ("Ukrainian"); days and months; names
// mostly used as places ("in Grayvoron", "the Bakhmut area"); and
// headlines, captions and page furniture: paragraphs without final
// punctuation, and text in capitals.

// minNamed is how often a name must occur to be suggested.
const minNamed = 2

// nameConnectors may join the words of a name.
var nameConnectors = setOf(`of the for de`)

// indefinites are pronouns and determiners that start a sentence in
// capitals but never name anyone: "Anyone who", "Everyone", "Some".
var indefinites = setOf(`anyone anybody anything everyone everybody everything someone somebody
something nobody nothing none whoever whatever whichever`)

// mediumBefore are the words before a platform used as a medium: "on
// Telegram", "via Twitter".
var mediumBefore = setOf(`on via`)

// titles precede a person's name and are not part of it.
var titles = setOf(`president vice prime minister general governor mayor senator gen col lt
major colonel lieutenant captain sergeant admiral commander chief mr mrs ms dr judge king queen
prince princess pope spokesman spokeswoman spokesperson secretary ambassador chancellor deputy
adviser advisor chairman director`)

// calendarWords are capitalised but never names of actors.
var calendarWords = setOf(`monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec`)

// orgHeads end lower-case organisation phrases: "the interior ministry".
var orgHeads = setOf(`ministry committee service agency council court department office corps
legion brigade battalion regiment police guard party government parliament newspaper broadcaster
commission bureau directorate administration`)

// placeBefore and placeAfter are the words around a name that make it a
// place: "in X", "near X", "the town of X", "the X region".
var (
	placeBefore = setOf(`in into near from at across outside towards toward around through inside`)
	placeNouns  = setOf(`town city village settlement region province district oblast capital
outskirts area county republic state border checkpoint crossing highway airport outpost river
front`)
)

// demonymEndings end nationality adjectives used as single words.
var demonymEndings = []string{"ian", "ians", "ean", "eans", "ese", "ish"}

func isDemonym(w string) bool {
	for _, e := range demonymEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// use is one occurrence of a candidate name in s.docs[doc].
type use struct {
	doc        int32
	start, end int32 // the name as written
	flags      nameFlags
}

// candidate is a name and its occurrences.
type candidate struct {
	key  string // lower case, without a leading "the"
	uses []use
	own  int      // the uses written as the name itself, uses[:own]; then those merged into it
	also []string // shorter forms merged into it
	gone bool     // merged into another, or not a name
}

// suggested is one suggestion and the name key it is about.
type suggested struct {
	key  string
	diag model.Diagnostic
}

// suggestActors returns the names that articles use at least minNamed times
// and that no actor covers, as suggestions at their first occurrence, in
// key order. c is the corpus of s's articles. When ctx is done first, it
// returns ctx's error.
func suggestActors(ctx context.Context, s *site, c *corpus) ([]suggested, error) {
	c.m.mu.Lock()
	defer c.m.mu.Unlock()
	names, err := c.m.findNames(ctx, s)
	if err != nil {
		return nil, err
	}
	cands := collectNames(s, names, c)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, x := range cands {
		x.gone = !isName(x.key, c.uses)
	}
	mergeSurnames(s, cands)
	aliases := newAliasIndex(s.Actors)
	original := originals(s)
	named := make([]int32, len(s.docs)) // scratch of independentUses
	var out []*candidate
	for k, x := range cands {
		if k%1024 == 1023 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !x.gone && len(x.uses) >= minNamed && independentUses(x.uses, original, named, int32(k+1)) >= minNamed && !isPlace(x) && !aliases.covers(x.key) {
			out = append(out, x)
		}
	}
	// People and organisations first, then the platforms they speak on.
	medium := make(map[*candidate]bool, len(out))
	for _, x := range out {
		medium[x] = isMedium(x)
	}
	sort.Slice(out, func(i, j int) bool {
		if mi, mj := medium[out[i]], medium[out[j]]; mi != mj {
			return mj
		}
		return out[i].key < out[j].key
	})
	// Each suggestion reads and sorts only its own candidate's uses.
	var found []suggested
	if len(out) > 0 {
		found = make([]suggested, len(out))
	}
	err = parallel.Each(len(out), func(i int) error {
		found[i] = suggested{key: out[i].key, diag: suggestion(s, out[i])}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	return found, nil
}

// collectNames returns the candidates that names, the names of each of
// s's articles, hold, in order of first use, each with its uses in
// article order. A name at the start of a sentence loses a first word
// that the articles also write in lower case ("Later Ivan Petrov left").
// c.m.mu must be held.
func collectNames(s *site, names [][]nameHit, c *corpus) []*candidate {
	table := &c.m.names
	of := make([]int32, len(table.vocab)) // key → 1 + its candidate
	var cands []*candidate
	for ai, hits := range names {
		text := s.docs[ai].Text
		for _, h := range hits {
			u, key := use{int32(ai), h.start, h.end, h.flags}, h.key
			if h.flags&nameInitial != 0 {
				form := text[u.start:u.end]
				if first, rest, ok := strings.Cut(form, " "); ok && c.uses(strings.ToLower(first)) {
					u.start += int32(len(first) + 1)
					key = table.intern(nameKey(rest))
				}
			}
			for int(key) >= len(of) {
				of = append(of, 0)
			}
			if of[key] == 0 {
				cands = append(cands, &candidate{key: table.vocab[key]})
				of[key] = int32(len(cands))
			}
			x := cands[of[key]-1]
			x.uses = append(x.uses, u)
			x.own++
		}
	}
	return cands
}

// originals returns, for each of s's articles, the index of its original
// (see Findings.OriginalOf): itself when it copies none, -1 when its
// original is not among them.
func originals(s *site) []int32 {
	original := s.f.OriginalOf()
	index := make(map[string]int32, len(s.docs))
	for i, a := range s.docs {
		index[a.Slug] = int32(i)
	}
	out := make([]int32, len(s.docs))
	for i, a := range s.docs {
		o, ok := index[original(a.Slug)]
		if !ok {
			o = -1
		}
		out[i] = o
	}
	return out
}

// independentUses counts the uses of a name, leaving out those in an article
// whose original (see originals) also names it: a name that only a copy
// repeats is not named more often. named is scratch space, one entry per
// article, that no other call has marked with mark.
func independentUses(uses []use, original, named []int32, mark int32) int {
	for _, u := range uses {
		named[u.doc] = mark
	}
	n := 0
	for _, u := range uses {
		if o := original[u.doc]; o == u.doc || o < 0 || named[o] != mark {
			n++
		}
	}
	return n
}

// suggestion is the diagnostic for candidate c of s's articles.
func suggestion(s *site, c *candidate) model.Diagnostic {
	form := c.form(s) // before the uses are sorted
	before := func(i, j int) bool {
		x, y := c.uses[i], c.uses[j]
		if a, b := s.docs[x.doc].Slug, s.docs[y.doc].Slug; a != b {
			return a < b
		}
		return x.start < y.start
	}
	if !sort.SliceIsSorted(c.uses, before) { // as they mostly are
		sort.SliceStable(c.uses, before)
	}
	articles := 0
	var places []string
	for i, u := range c.uses {
		if i == 0 || u.doc != c.uses[i-1].doc {
			articles++ // an article's uses are together
		}
		if len(places) < 3 {
			places = append(places, s.docs[u.doc].pos(int(u.start)).String())
		}
	}
	msg := fmt.Sprintf("%q is named %d times in %d %s but has no actor file",
		form, len(c.uses), articles, plural(articles, "article", "articles"))
	if len(c.also) > 0 {
		msg += fmt.Sprintf(" (also as %s)", quoteAll(c.also))
	}
	hint := "named at " + strings.Join(places, ", ")
	if len(c.uses) > len(places) {
		hint += ", …"
	}
	hint += fmt.Sprintf("\nadd content/actors/%s.md with it among the aliases", slugify(form))
	u := c.uses[0]
	return model.Diagnostic{Pos: s.docs[u.doc].pos(int(u.start)),
		Severity: model.Suggestion, Message: msg, Hint: hint}
}

// form returns the commonest way the articles write the name, of its
// own uses (see candidate.own), which must not have been sorted yet.
func (c *candidate) form(s *site) string {
	forms := map[string]int{}
	for _, u := range c.uses[:c.own] {
		forms[s.docs[u.doc].Text[u.start:u.end]]++
	}
	best, n := "", 0
	for f, k := range forms {
		if k > n || k == n && f < best {
			best, n = f, k
		}
	}
	return best
}

// isName reports whether a candidate key can name an actor: a single word
// must not be a common word the articles also write in lower case
// ("Members" beside "members"), nor a nationality adjective.
func isName(key string, used func(word string) bool) bool {
	if strings.Contains(key, " ") {
		return true
	}
	return !used(key) && !isStopWord(key) && !isDemonym(key) && utf8.RuneCountInString(key) > 1
}

// nameKey normalises a name for counting: lower case, single spaces, no
// leading "the", curly apostrophes straightened.
func nameKey(s string) string { return string(appendNameKey(nil, s)) }

// appendNameKey appends the name key of s to b.
func appendNameKey(b []byte, s string) []byte {
	n := len(b)
	for _, f := range strings.Fields(s) {
		if len(b) > n {
			b = append(b, ' ')
		}
		for _, r := range f {
			switch {
			case r == '’':
				b = append(b, '\'')
			default:
				b = appendLower(b, r)
			}
		}
	}
	if len(b)-n > 4 && string(b[n:n+4]) == "the " {
		b = append(b[:n], b[n+4:]...)
	}
	return b
}

// mergeSurnames folds a one-word name into the commonest longer person-like
// name (two or three capitalised words) that ends with it, of the
// candidates of s's articles that are not gone.
func mergeSurnames(s *site, cands []*candidate) {
	full := map[string]*candidate{} // last word → best full name
	for _, c := range cands {
		if c.gone || strings.Count(c.key, " ") == 0 {
			continue
		}
		words := strings.Fields(c.key)
		if len(words) < 2 || len(words) > 3 || strings.Contains(c.key, " of ") {
			continue
		}
		last := words[len(words)-1]
		if b := full[last]; b == nil || len(c.uses) > len(b.uses) || len(c.uses) == len(b.uses) && c.key < b.key {
			full[last] = c
		}
	}
	for _, c := range cands {
		if c.gone || strings.Contains(c.key, " ") {
			continue
		}
		if f := full[c.key]; f != nil {
			f.uses = append(f.uses, c.uses...)
			f.also = append(f.also, c.form(s))
			c.gone = true
		}
	}
}

// isMedium reports whether a name is mostly used as a medium, a platform
// something was said on ("on Telegram"), rather than someone who says it.
func isMedium(c *candidate) bool { return 2*c.count(nameMedium) > len(c.uses) }

// isPlace reports whether a name is mostly used as a place.
func isPlace(c *candidate) bool { return 2*c.count(namePlace) >= len(c.uses) }

// count returns how many uses of c have flag.
func (c *candidate) count(flag nameFlags) int {
	n := 0
	for _, u := range c.uses {
		if u.flags&flag != 0 {
			n++
		}
	}
	return n
}

// aliasIndex holds the name keys of every actor name and alias, indexed
// by their words.
type aliasIndex struct {
	keys   []string
	byWord map[string][]int // word → indexes of the keys that contain it
}

func newAliasIndex(actors []*model.Actor) *aliasIndex {
	x := &aliasIndex{byWord: map[string][]int{}}
	for _, a := range actors {
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			k := nameKey(s)
			if k == "" {
				continue
			}
			for _, w := range keyWords(k) {
				x.byWord[w] = append(x.byWord[w], len(x.keys))
			}
			x.keys = append(x.keys, k)
		}
	}
	return x
}

// fingerprint returns a string that is the same for two indexes exactly
// when they hold the same keys.
func (x *aliasIndex) fingerprint() string { return strings.Join(x.keys, "\x00") }

// covers reports whether a name key is covered by an alias: the name
// contains the alias as whole words ("Belgorod Governor Vyacheslav
// Gladkov" and "Vyacheslav Gladkov"), or the alias ends with the name, its
// head ("Gladkov" in "Vyacheslav Gladkov", "defence ministry" in "Russian
// defence ministry"). A name found only as a modifier inside another
// actor's alias ("Kremlin" in "Kremlin spokesman Dmitry Peskov") is not
// covered: that alias names someone else.
func (x *aliasIndex) covers(key string) bool {
	for _, w := range keyWords(key) {
		for _, i := range x.byWord[w] {
			if a := x.keys[i]; containsWords(key, a) || endsWithWords(a, key) {
				return true
			}
		}
	}
	return false
}

// endsWithWords reports whether s ends with the whole words of suffix.
func endsWithWords(s, suffix string) bool {
	return strings.HasSuffix(s, suffix) && wordBoundary(s, len(s)-len(suffix), len(s))
}

// keyWords splits a name key into its words, apostrophes and hyphens
// separating them as wordBoundary does.
func keyWords(key string) []string {
	return strings.FieldsFunc(key, func(r rune) bool { return !isWordRune(r) })
}

// containsWords reports whether s contains sub on word boundaries.
func containsWords(s, sub string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return false
		}
		i += off
		if wordBoundary(s, i, i+len(sub)) {
			return true
		}
		off = i + 1
	}
}

// isFurniture reports whether a paragraph is a headline, a photo caption
// with its credit, or page furniture rather than prose: it does not end
// with final punctuation.
func isFurniture(a *doc, p model.Paragraph) bool {
	r, _ := utf8.DecodeLastRuneInString(a.Text[:a.Sentences[p.Last].End])
	return !strings.ContainsRune(".!?”\"’:)", r)
}

// mostlyCapitals reports whether most letters of s are capitals, as in
// "CLICK HERE TO READ MORE".
func mostlyCapitals(s string) bool {
	up, letters := 0, 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s, i); x&asciiHigh == 0 { // eight ASCII bytes at once
				upper := inRange(x, 'A', 'Z')
				up += bits.OnesCount64(upper)
				letters += bits.OnesCount64(upper | inRange(x, 'a', 'z'))
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf { // spare ASCII the tables
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				letters++
				if c <= 'Z' {
					up++
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	return letters > 8 && up*10 > letters*6
}

// asciiHigh has the high bit of each byte of a word set.
const asciiHigh = 0x8080808080808080

// load64 returns the eight bytes of s from i, the first the lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// inRange returns the high bit of each byte of x, which are all ASCII,
// that lies between lo and hi: adding 0x80-lo sets it from lo up, adding
// 0x80-hi-1 from past hi, and no byte carries into the next.
func inRange(x uint64, lo, hi byte) uint64 {
	const ones = 0x0101010101010101
	return (x + ones*uint64(0x80-lo)) &^ (x + ones*uint64(0x80-hi-1)) & asciiHigh
}

// slugify turns a name into an actor file slug: ASCII letters and digits
// joined by hyphens; "new-actor" for a name with none, such as one in
// Cyrillic, which the editor then renames.
func slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else if r != '’' && r != '\'' {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "new-actor"
	}
	return b.String()
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
