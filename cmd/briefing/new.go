package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// skeleton is the briefing folder that "briefing new" writes: a config and
// one example of every kind of content file, which builds at once.
// "all:" keeps content/_index.md, which embed would skip for its leading
// underscore; "gitignore" is renamed to ".gitignore" when written.
//
//go:embed all:skeleton
var skeleton embed.FS

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprintln(stderr, "usage: briefing new DIR") }
	if err := fl.Parse(args); err != nil {
		return errReported
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return errReported
	}
	dir := fl.Arg(0)
	if strings.TrimSpace(dir) == "" {
		// Most likely an unset shell variable: "briefing new $DIR".
		return fmt.Errorf("new: the folder name is empty; name a new folder, e.g. briefing new my-briefing")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s already exists and is not empty; choose a new folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	root, _ := fs.Sub(skeleton, "skeleton")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if p == "gitignore" {
			dst = filepath.Join(dir, ".gitignore")
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		return fmt.Errorf("new: %w", err)
	}
	fmt.Fprintf(stdout, "created %s\nbuild it:    briefing build -src %s\npreview it:  briefing serve -src %s\n", dir, dir, dir)
	return nil
}
