package mirror

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"
	"time"

	"briefing/internal/watch"
)

// TestWithWatcher makes random changes to a watched folder (files and
// folders written, saved, removed, renamed and replaced) and checks that
// updating the mirror with the paths of the watcher's batches brings it to
// what the disk holds: that the watcher reports what the mirror needs.
func TestWithWatcher(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the watcher")
	}
	for seed := range uint64(20) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			root := t.TempDir()
			ch := &changer{t: t, root: root, r: rand.New(rand.NewPCG(seed, 2))}
			for range 10 {
				ch.change()
			}
			w, err := watch.New(root, watch.Options{Trees: trees, Files: files})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			m := newMirror(t, root)
			for range 15 {
				for range 1 + ch.r.IntN(4) {
					ch.change()
				}
				want := onDisk(t, root)
				deadline := time.After(5 * time.Second)
				for !maps.Equal(contents(t, m.FS()), want) {
					select {
					case b := <-w.Batches():
						if b.Overflow {
							t.Fatal("the watcher overflowed")
						}
						if err := m.Update(b.Paths); err != nil {
							t.Fatal(err)
						}
					case <-deadline:
						t.Fatalf("after 5s the mirror holds\n%v\nthe disk\n%v", contents(t, m.FS()), want)
					}
				}
			}
		})
	}
}
