package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadSeeds returns the texts of the *.txt files of dir, in name order:
// the seed texts of Generate.
func ReadSeeds(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no seed articles (*.txt) in %s; run from the repository root or pass -seeds", dir)
	}
	slices.Sort(names)
	texts := make([]string, len(names))
	for i, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		texts[i] = string(data)
	}
	return texts, nil
}

// DirWriter returns a WriteFunc that writes under dir, refusing a dir
// that already holds files so that nothing of the user's is overwritten.
func DirWriter(dir string) WriteFunc {
	checked := false
	return func(name string, data []byte) error {
		if !checked {
			if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
				return fmt.Errorf("%s is not empty; remove it or choose another folder", dir)
			}
			checked = true
		}
		if strings.Contains(name, "..") {
			return fmt.Errorf("refusing to write %q outside %s", name, dir)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
}
