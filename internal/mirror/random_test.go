package mirror

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"
)

// TestRandomChanges makes random changes to a folder, reporting the paths
// each changes as the watcher would, in batches of a few changes, and
// checks after each batch that the mirror holds what the disk does, and
// that the snapshot taken before the batch still holds what it did.
func TestRandomChanges(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			root := t.TempDir()
			r := rand.New(rand.NewPCG(seed, 1))
			ch := &changer{t: t, root: root, r: r}
			for range 10 {
				ch.change()
			}
			m := newMirror(t, root)
			check(t, m.FS(), onDisk(t, root))
			for range 40 {
				before := m.FS()
				held := contents(t, before)
				ch.reported = nil
				for range 1 + r.IntN(4) {
					ch.change()
				}
				if err := m.Update(ch.reported); err != nil {
					t.Fatal(err)
				}
				if got, want := contents(t, m.FS()), onDisk(t, root); !maps.Equal(got, want) {
					t.Fatalf("after reporting %q the mirror holds\n%v\nthe disk\n%v", ch.reported, got, want)
				}
				check(t, before, held)
				if s := m.cur; !slices.IsSorted(s.names) || len(s.names) != len(s.files) {
					t.Fatalf("names %q do not list the files", s.names)
				}
			}
		})
	}
}

// changer makes random changes below root and collects the paths a
// watcher reports for them.
type changer struct {
	t        *testing.T
	root     string
	r        *rand.Rand
	reported []string
	n        int // for distinct contents
}

var (
	dirs  = []string{"content", "content/a", "content/a/b", "content/c", "templates", "static", "static/x", "other", "."}
	names = []string{"f1.txt", "f2.md", "f3", ".hidden", "f1.txt~", "4913", "a", "b"}
)

func (c *changer) pick(list []string) string { return list[c.r.IntN(len(list))] }

func (c *changer) abs(rel string) string { return filepath.Join(c.root, filepath.FromSlash(rel)) }

func (c *changer) report(rel ...string) { c.reported = append(c.reported, rel...) }

// existing returns a random file or folder that exists, or "".
func (c *changer) existing(wantDir bool) string {
	var found []string
	filepath.WalkDir(c.root, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != c.root && d.IsDir() == wantDir {
			rel, _ := filepath.Rel(c.root, p)
			found = append(found, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(found) == 0 {
		return ""
	}
	return c.pick(found)
}

// mkdir makes the folder dir and those it is in, reporting the first
// it made, as the watcher reports a new folder.
func (c *changer) mkdir(dir string) bool {
	top := ""
	for d := dir; d != "."; d = path.Dir(d) {
		if _, err := os.Lstat(c.abs(d)); err != nil {
			top = d
		}
	}
	if os.MkdirAll(c.abs(dir), 0o755) != nil {
		return false
	}
	if top != "" {
		c.report(top)
	}
	return true
}

func (c *changer) change() {
	c.n++
	text := fmt.Sprintf("text %d", c.n)
	op := c.r.IntN(9)
	switch op {
	case 0, 1, 2: // write a file, making its folders
		rel := path.Join(c.pick(dirs), c.pick(names))
		if c.r.IntN(8) == 0 {
			rel = "config.toml"
		}
		if c.mkdir(path.Dir(rel)) && os.WriteFile(c.abs(rel), []byte(text), 0o644) == nil {
			c.report(rel)
		}
	case 3: // save a file as vim does
		if rel := c.existing(false); rel != "" {
			tmp := path.Join(path.Dir(rel), ".swap.swp")
			if os.WriteFile(c.abs(tmp), []byte(text), 0o644) == nil && os.Rename(c.abs(tmp), c.abs(rel)) == nil {
				c.report(rel)
			}
		}
	case 4: // remove a file
		if rel := c.existing(false); rel != "" && os.Remove(c.abs(rel)) == nil {
			c.report(rel)
		}
	case 5: // remove a folder and everything in it
		if rel := c.existing(true); rel != "" && os.RemoveAll(c.abs(rel)) == nil {
			c.report(rel)
		}
	case 6, 7: // rename a file or folder, maybe over a file or into another tree
		from := c.existing(c.r.IntN(2) == 0)
		to := path.Join(c.pick(dirs), c.pick(names))
		if from != "" && c.mkdir(path.Dir(to)) && os.Rename(c.abs(from), c.abs(to)) == nil {
			c.report(from, to)
		}
	case 8: // replace a file with a folder of the same name, or a folder with a file
		rel := c.existing(c.r.IntN(2) == 0)
		if rel == "" || os.RemoveAll(c.abs(rel)) != nil {
			return
		}
		if c.r.IntN(2) == 0 {
			os.WriteFile(c.abs(rel), []byte(text), 0o644)
		} else {
			os.MkdirAll(c.abs(rel), 0o755)
			os.WriteFile(c.abs(path.Join(rel, "f1.txt")), []byte(text), 0o644)
		}
		c.report(rel)
	}
}
