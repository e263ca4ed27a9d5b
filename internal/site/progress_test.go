package site

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteProgress: WriteProgress counts every file written, once, up to
// their total.
func TestWriteProgress(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("x"), "a/index.html": []byte("a"), "b/index.html": []byte("b")}
	var got []int
	err := WriteProgress(filepath.Join(t.TempDir(), "site"), srcDir(t), files, func(done, total int) {
		if total != len(files) {
			t.Errorf("total %d, want %d", total, len(files))
		}
		got = append(got, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("counted %v, want %v", got, want)
	}
}
