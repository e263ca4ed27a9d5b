package build

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"

	"briefing"
	"briefing/internal/render"
)

// cache keeps, between the builds of one Builder, the parsed templates,
// reused while every file of the theme (templates/ and static/, the
// briefing's over the embedded ones) is byte-identical to the last build's,
// so that the preview's rebuild after one saved file is quick. (The loader
// and the analyzer keep what they can reuse of the content themselves.)
//
// A build with a warm cache gives exactly the result of a cold one; the
// tests check that.
type cache struct {
	themeKey [sha256.Size]byte
	renderer *render.Renderer
	live     *liveFS // the file system renderer reads
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
			if !d.Type().IsRegular() {
				// A link, device, pipe or socket, never opened here: the
				// renderer reports it.
				h.Write(fmt.Appendf(nil, "%s\x00%v\x00", p, d.Type()))
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
