package build

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io/fs"

	"briefing"
	"briefing/internal/model"
	"briefing/internal/render"
)

// cache keeps, between the builds of one Builder, the work a build can
// reuse, so that the preview's rebuild after one saved file is quick:
//
//   - the parsed templates, reused while every file of the theme
//     (templates/ and static/, the briefing's over the embedded ones) is
//     byte-identical to the last build's;
//   - each article's paragraphs and sentences, the costliest analysis
//     step, keyed by the article's text itself (a map hashes it, and a hit
//     compares it whole, so two texts can never share an entry). Entries
//     for texts that are no longer in the briefing are dropped after each
//     build.
//
// A build with a warm cache gives exactly the result of a cold one; the
// tests check that.
type cache struct {
	themeKey [sha256.Size]byte
	renderer *render.Renderer
	live     *liveFS // the file system renderer reads

	segments map[string]segmentation // by article text
}

// segmentation is what the segmenter made of one text.
type segmentation struct {
	paras []model.Paragraph
	sents []model.Sentence
}

// theme returns a Renderer for the theme of the briefing in fsys, parsing
// the templates only when a theme file changed.
func (c *cache) theme(fsys fs.FS) (*render.Renderer, error) {
	theme := render.Overlay(fsys, briefing.Theme())
	key, err := hashTree(theme, "templates", "static")
	if err != nil {
		c.renderer = nil
		return render.New(theme) // reports the error as it sees it
	}
	if c.renderer != nil && key == c.themeKey {
		c.live.fsys = theme // static files are read at render time
		return c.renderer, nil
	}
	live := &liveFS{fsys: theme}
	r, err := render.New(live)
	if err != nil {
		c.renderer = nil
		return nil, err
	}
	c.themeKey, c.renderer, c.live = key, r, live
	return r, nil
}

// restoreSegments gives every article of s whose text was segmented before
// its paragraphs and sentences, so that the analysis skips segmenting it.
func (c *cache) restoreSegments(s *model.Site) {
	for _, a := range s.Articles {
		if seg, ok := c.segments[a.Text]; ok && a.Sentences == nil {
			a.Paragraphs = append([]model.Paragraph(nil), seg.paras...)
			a.Sentences = append([]model.Sentence(nil), seg.sents...)
		}
	}
}

// keepSegments records the segmentation of every article of s after the
// analysis, and forgets the texts that are gone.
func (c *cache) keepSegments(s *model.Site) {
	kept := make(map[string]segmentation, len(s.Articles))
	for _, a := range s.Articles {
		if seg, ok := c.segments[a.Text]; ok {
			kept[a.Text] = seg
			continue
		}
		// Copy only what segmenting sets: later analysis steps may fill
		// in other fields, which the next build must compute afresh.
		seg := segmentation{paras: make([]model.Paragraph, len(a.Paragraphs)), sents: make([]model.Sentence, len(a.Sentences))}
		for j, p := range a.Paragraphs {
			seg.paras[j] = model.Paragraph{First: p.First, Last: p.Last}
		}
		for j, st := range a.Sentences {
			seg.sents[j] = model.Sentence{ID: st.ID, Start: st.Start, End: st.End, Text: st.Text, Para: st.Para}
		}
		kept[a.Text] = seg
	}
	c.segments = kept
}

// hashTree hashes the names and contents of every file below dirs in fsys.
// A missing dir hashes as empty.
func hashTree(fsys fs.FS, dirs ...string) ([sha256.Size]byte, error) {
	h := sha256.New()
	for _, dir := range dirs {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			h.Write(binary.LittleEndian.AppendUint64([]byte(p+"\x00"), uint64(len(data))))
			h.Write(data)
			return nil
		})
		if err != nil {
			return [sha256.Size]byte{}, err
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum, nil
}

// liveFS is a file system whose target a cached Renderer's next build
// points at the current briefing folder. It forwards the optional
// interfaces, so that the overlay's merged directory listings still work.
type liveFS struct{ fsys fs.FS }

func (l *liveFS) Open(name string) (fs.File, error)          { return l.fsys.Open(name) }
func (l *liveFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(l.fsys, name) }
func (l *liveFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(l.fsys, name) }
func (l *liveFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(l.fsys, name) }
func (l *liveFS) Glob(pattern string) ([]string, error)      { return fs.Glob(l.fsys, pattern) }
