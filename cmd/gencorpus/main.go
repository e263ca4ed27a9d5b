// Command gencorpus writes a large generated briefing, and optionally the
// same articles as a Hugo site, to measure how briefing build scales and to
// compare it with Hugo on the same words (see bench/scale.sh).
//
// Usage:
//
//	gencorpus -n 10000 -actors 200 -claims 500 -out DIR [-hugo HUGODIR] [-seed 1] [-seeds content/articles]
//
// The articles are recombined from the sentences of the seed articles (by
// default the default briefing's, read from content/articles), as package
// corpus describes. DIR and HUGODIR must not exist or be empty. The same
// flags give the same files.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"briefing/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
		}
		os.Exit(1)
	}
}

// run is the whole program, callable from tests.
func run(args []string, stderr io.Writer) error {
	fl := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 1000, "number of articles")
	actors := fl.Int("actors", 200, "number of actors")
	claims := fl.Int("claims", 500, "number of claims")
	out := fl.String("out", "", "briefing folder to write (required)")
	hugo := fl.String("hugo", "", "also write the same articles as a Hugo site here")
	seed := fl.Uint64("seed", 1, "random seed; the same seed gives the same files")
	seeds := fl.String("seeds", filepath.Join("content", "articles"), "folder of the seed articles (*.txt)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" || fl.NArg() > 0 {
		fl.Usage()
		return errors.New("need -out DIR and no other arguments")
	}
	texts, err := readSeeds(*seeds)
	if err != nil {
		return err
	}
	c, err := corpus.Generate(texts, corpus.Options{Articles: *n, Actors: *actors, Claims: *claims, Seed: *seed})
	if err != nil {
		return err
	}
	if err := c.WriteBriefing(writer(*out)); err != nil {
		return fmt.Errorf("write briefing: %w", err)
	}
	if *hugo != "" {
		if err := c.WriteHugo(writer(*hugo)); err != nil {
			return fmt.Errorf("write hugo site: %w", err)
		}
	}
	return nil
}

// readSeeds returns the texts of the *.txt files of dir, in name order.
func readSeeds(dir string) ([]string, error) {
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

// writer returns a corpus.WriteFunc that writes under dir, refusing a dir
// that already holds files so that nothing of the user's is overwritten.
func writer(dir string) corpus.WriteFunc {
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
