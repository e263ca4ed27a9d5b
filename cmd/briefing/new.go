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
	"time"

	"briefing/internal/content"
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
	src := fl.String("src", ".", "briefing folder, for new claim and new actor")
	action := fl.String("action", "", "where the briefing action is, as OWNER/REPO@REF: new DIR then writes the Pages and pull-request workflows that use it")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: briefing new [-action OWNER/REPO@REF] DIR\n       briefing new [-src DIR] claim SLUG\n       briefing new [-src DIR] actor SLUG")
	}
	if err := fl.Parse(args); err != nil {
		return errReported
	}
	if fl.NArg() == 2 && (fl.Arg(0) == "claim" || fl.Arg(0) == "actor") {
		return newFile(*src, fl.Arg(0), fl.Arg(1), stdout)
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return errReported
	}
	dir := fl.Arg(0)
	if owner, ref, ok := strings.Cut(*action, "@"); *action != "" &&
		(!ok || ref == "" || strings.Count(owner, "/") != 1 || strings.ContainsAny(*action, " \t\n\"'$`{}")) {
		return fmt.Errorf("new: -action %q is not OWNER/REPO@REF, e.g. newsroom/briefing@v1", *action)
	}
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
	if *action != "" {
		if err := writeWorkflows(dir, *action); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "created %s\nbuild it:    briefing build -src %s\npreview it:  briefing serve -src %s\n", dir, dir, dir)
	if *action == "" {
		fmt.Fprintln(stdout, "no GitHub workflows written: give -action OWNER/REPO@REF, where the briefing action lives, to have them")
	}
	return nil
}

// writeWorkflows writes the GitHub workflows of a briefing folder that
// lives in its own repository: Pages builds and deploys the site on every
// push to main, Check checks every pull request, both through the action
// at action (OWNER/REPO@REF).
func writeWorkflows(dir, action string) error {
	folder := filepath.Join(dir, ".github", "workflows")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return fmt.Errorf("new: %w", err)
	}
	for name, text := range map[string]string{"pages.yml": pagesWorkflow, "check.yml": checkWorkflow} {
		if err := os.WriteFile(filepath.Join(folder, name), []byte(strings.ReplaceAll(text, "ACTION", action)), 0o644); err != nil {
			return fmt.Errorf("new: %w", err)
		}
	}
	return nil
}

// pagesWorkflow builds a briefing folder's site and deploys it to GitHub
// Pages; ACTION stands for the action's OWNER/REPO@REF.
const pagesWorkflow = `# Builds the briefing and publishes it with GitHub Pages.
# In the repository's Settings → Pages, set "Source" to "GitHub Actions".
name: Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build
        uses: ACTION
        with:
          command: build
          base-url: ${{ steps.pages.outputs.base_url }}/
      - uses: actions/upload-pages-artifact@v4
        with:
          path: site/

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`

// checkWorkflow checks a briefing folder on every pull request, each
// finding shown beside its line; ACTION stands for the action's
// OWNER/REPO@REF.
const checkWorkflow = `# Checks the briefing on every pull request: each finding shows beside the
# line it names on the pull request's diff, and errors fail the check.
name: Check

on:
  pull_request:

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - name: Check the briefing
        uses: ACTION
        with:
          command: check
`

// newFile writes content/claims/SLUG.md or content/actors/SLUG.md in the
// briefing folder src: every key, each explained in a comment, with values
// that build at once. It never replaces a file.
func newFile(src, kind, slug string, stdout io.Writer) error {
	if !content.ValidSlug(slug) {
		return fmt.Errorf("new %s: %q is not a valid slug; use lower-case letters, digits, - and _, starting with a letter or digit, e.g. %s", kind, slug, map[string]string{"claim": "fighters-killed", "actor": "jane-doe"}[kind])
	}
	if _, err := os.Stat(filepath.Join(src, "config.toml")); err != nil {
		if _, err := os.Stat(filepath.Join(src, content.Dir)); err != nil {
			return fmt.Errorf("new %s: %s is not a briefing folder (it has no config.toml or %s/); give it with -src, or start one with briefing new DIR", kind, src, content.Dir)
		}
	}
	folder := filepath.Join(src, content.Dir, kind+"s")
	file := filepath.Join(folder, slug+".md")
	text := fmt.Sprintf(claimFile, time.Now().Format("2006-01-02"))
	if kind == "actor" {
		text = actorFile
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return fmt.Errorf("new %s: %w", kind, err)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("new %s: %s already exists; edit it, or choose another slug", kind, file)
	} else if err != nil {
		return fmt.Errorf("new %s: %w", kind, err)
	}
	if _, err := io.WriteString(f, text); err != nil {
		f.Close()
		return fmt.Errorf("new %s: %w", kind, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("new %s: %w", kind, err)
	}
	fmt.Fprintf(stdout, "created %s\n", file)
	return nil
}

// claimFile is the claim "briefing new claim" writes; %s is today's date.
const claimFile = `---
# The claim itself, in one sentence ("More than 70 fighters were killed"),
# not "X says ...": the badge rates the claim; who makes it goes in claimed_by.
title: "Write the claim here"
# confirmed | disputed | unverified | false. briefing check warns when the
# evidence does not bear the status out.
status: unverified
# Actor slugs: the file names in content/actors/, without .md.
claimed_by: []
disputed_by: []
# The quotes that carry, contradict or frame the claim, each the exact words
# of an article (its slug is its file name in content/articles/):
#   - article: some-article
#     quote: "the article's exact words"
#     stance: supports    # supports | contradicts | context
evidence: []
# When you last reviewed the claim (YYYY-MM-DD), not a date of the event.
updated: %s
---
Your assessment: who says it, what supports it, what contradicts it, and what
is still missing.
`

// actorFile is the actor "briefing new actor" writes.
const actorFile = `---
# The actor's name, as pages show it.
name: "Write the name here"
# Every form the articles use for the actor, exactly as written, e.g.
# ["Gladkov", "the governor of Belgorod"]: mentions are found by them.
aliases: []
# person | organisation | state | group | media
kind: person
# The actors page groups actors by side, e.g. "Russia" or "Ukraine".
side: ""
# One line: who they are.
role: ""
# Addresses (https://...) of their own pages.
links: []
---
Who they are and what they do in this story, from what the articles say.
`
