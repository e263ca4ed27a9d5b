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
	texts, err := corpus.ReadSeeds(*seeds)
	if err != nil {
		return err
	}
	c, err := corpus.Generate(texts, corpus.Options{Articles: *n, Actors: *actors, Claims: *claims, Seed: *seed})
	if err != nil {
		return err
	}
	if err := c.WriteBriefing(corpus.DirWriter(*out)); err != nil {
		return fmt.Errorf("write briefing: %w", err)
	}
	if *hugo != "" {
		if err := c.WriteHugo(corpus.DirWriter(*hugo)); err != nil {
			return fmt.Errorf("write hugo site: %w", err)
		}
	}
	return nil
}
