package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"briefing/internal/model"
)

// Loader loads briefings as Load does, but keeps each file's parse from one
// Load to the next and parses again only the files whose bytes changed, so
// that reloading a large briefing after one saved file costs little more
// than reading it. An article's parse is keyed by its .txt file and its
// sidecar together.
//
// Loads share the values of the files that did not change: a Site and
// everything it points at are read-only once loaded (what the analysis
// finds goes into a separate model.Findings), so a build may read the
// values of an earlier load while a later one is made.
//
// A Loader serves one Load at a time (the build package runs one build at
// a time). The zero Loader is ready to use. It keeps the bytes and parses
// of the files of the last Load only.
type Loader struct {
	// The bytes of the files of the last Load that passed listFiles'
	// checks, by path: a file that is the same again need not be checked
	// again, and the memos then compare a slice with itself.
	files, nextFiles map[string][]byte

	pages    memo[*model.Page] // the index and the free pages
	articles memo[*model.Article]
	actors   memo[*model.Actor]
	claims   memo[*model.Claim]
}

// Load reads every content file of the briefing in fsys, as the
// package-level Load does; a file parsed by the last call is not parsed
// again if its bytes are the same. When fsys can hand out its files'
// bytes without copying them, as a mirror's snapshot can (see sharedFS),
// the Loader keeps those, and never modifies them.
func (l *Loader) Load(fsys fs.FS) (*model.Site, model.Diagnostics) {
	var diags model.Diagnostics
	s := &model.Site{}

	const index = Dir + "/_index.md"
	s.Index = &model.Page{Slug: "", File: index}
	if data, err := readFile(fsys, index); err == nil {
		s.Index = l.pages.parseAll([]input[*model.Page]{{file: index, data: data, load: func(d *model.Diagnostics) *model.Page {
			return loadPage(index, "", data, d)
		}}}, &diags)[0]
	} else if !isNotExist(err) {
		diags.Errorf(model.Pos{File: index}, "%v", err)
	}

	reportStray(fsys, &diags)
	s.Pages = l.pages.parseAll(inputs(l.listFiles(fsys, "pages", ".md", &diags), func(f sourceFile) func(*model.Diagnostics) *model.Page {
		return func(d *model.Diagnostics) *model.Page { return loadPage(f.path, f.slug, f.data, d) }
	}), &diags)

	texts, sidecars := l.listFiles(fsys, "articles", ".txt", &diags), l.listFiles(fsys, "articles", ".md", &diags)
	sidecar := make(map[string][]byte, len(sidecars))
	for _, f := range sidecars {
		sidecar[f.slug] = f.data
	}
	hasText := make(map[string]bool, len(texts))
	arts := make([]input[*model.Article], len(texts))
	for i, f := range texts {
		hasText[f.slug] = true
		side := sidecar[f.slug]
		arts[i] = input[*model.Article]{file: f.path, data: f.data, side: side, load: func(d *model.Diagnostics) *model.Article {
			return loadArticle(f.slug, f.data, side, d)
		}}
	}
	s.Articles = l.articles.parseAll(arts, &diags)
	for _, f := range sidecars {
		if !hasText[f.slug] {
			diags.Add(model.Diagnostic{Pos: model.Pos{File: f.path}, Severity: model.Error,
				Message: fmt.Sprintf("sidecar has no article %s.txt", f.slug),
				Hint:    "rename it to match an article's .txt file, or add the article"})
		}
	}

	s.Actors = l.actors.parseAll(inputs(l.listFiles(fsys, "actors", ".md", &diags), func(f sourceFile) func(*model.Diagnostics) *model.Actor {
		return func(d *model.Diagnostics) *model.Actor { return loadActor(f.slug, f.data, d) }
	}), &diags)
	s.Claims = l.claims.parseAll(inputs(l.listFiles(fsys, "claims", ".md", &diags), func(f sourceFile) func(*model.Diagnostics) *model.Claim {
		return func(d *model.Diagnostics) *model.Claim { return loadClaim(f.slug, f.data, d) }
	}), &diags)

	// Forget the files that are gone.
	l.files, l.nextFiles = l.nextFiles, nil
	l.pages.flip()
	l.articles.flip()
	l.actors.flip()
	l.claims.flip()

	// File names sort differently from slugs ("a-b.md" < "a.md", "a" < "a-b").
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].Slug < s.Pages[j].Slug })
	sort.Slice(s.Articles, func(i, j int) bool { return s.Articles[i].Slug < s.Articles[j].Slug })
	sort.Slice(s.Actors, func(i, j int) bool { return s.Actors[i].Slug < s.Actors[j].Slug })
	sort.Slice(s.Claims, func(i, j int) bool { return s.Claims[i].Slug < s.Claims[j].Slug })
	return s, diags
}

// sourceFile is one content file that passed listFiles' checks.
type sourceFile struct {
	slug, path string
	data       []byte // never nil, so that an empty sidecar is still a sidecar
}

// inputs pairs each file with the parse that load makes of it.
func inputs[T any](files []sourceFile, load func(sourceFile) func(*model.Diagnostics) T) []input[T] {
	out := make([]input[T], len(files))
	for i, f := range files {
		out[i] = input[T]{file: f.path, data: f.data, load: load(f)}
	}
	return out
}

// listFiles returns the files named <slug><ext> in content/<dir>, in file
// name order, so that the diagnostics come in the same order every time.
// It reports the files it cannot use: bad names, not regular files (which
// it never opens), unreadable, not UTF-8.
func (l *Loader) listFiles(fsys fs.FS, dir, ext string, diags *model.Diagnostics) []sourceFile {
	entries, err := fs.ReadDir(fsys, path.Join(Dir, dir))
	if err != nil {
		if !isNotExist(err) {
			diags.Errorf(model.Pos{File: path.Join(Dir, dir)}, "%v", err)
		}
		return nil
	}
	out := make([]sourceFile, 0, len(entries))
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ext) || Ignored(name) {
			reportSkipped(dir, ext, e, diags)
			continue
		}
		file := Dir + "/" + dir + "/" + name // path.Join would Clean it
		slug := strings.TrimSuffix(name, ext)
		if !ValidSlug(slug) {
			diags.Add(model.Diagnostic{Pos: model.Pos{File: file}, Severity: model.Error,
				Message: fmt.Sprintf("file name %q is not a valid slug", name),
				Hint:    "use lower-case letters, digits, '-' and '_' only: it becomes the page URL"})
			continue
		}
		if !e.Type().IsRegular() {
			// Never opened: a link may lead out of the briefing folder, a
			// device or a pipe never end.
			diags.Add(model.Diagnostic{Pos: model.Pos{File: file}, Severity: model.Error,
				Message: "not a regular file (a symbolic link, device, named pipe or socket): it is not read",
				Hint:    "put the file itself here"})
			continue
		}
		data, err := readFile(fsys, file)
		if err != nil {
			diags.Errorf(model.Pos{File: file}, "%v", err)
			continue
		}
		if data == nil {
			data = []byte{}
		}
		if last, ok := l.files[file]; ok && bytes.Equal(last, data) {
			data = last
		} else if !utf8.Valid(data) {
			diags.Add(model.Diagnostic{Pos: model.Pos{File: file, Line: 1, Col: 1}, Severity: model.Error,
				Message: "file is not valid UTF-8", Hint: "re-save the file as UTF-8"})
			continue
		}
		if l.nextFiles == nil {
			l.nextFiles = make(map[string][]byte, len(l.files))
		}
		l.nextFiles[file] = data
		out = append(out, sourceFile{slug: slug, path: file, data: data})
	}
	return out
}

// sharedFS is a file system that can return a file's bytes without copying
// them, as a mirror's snapshot does, on the Loader's promise not to modify
// them, and its own that they never change: the loaded texts are views of
// them (see frozen). The Loader keeps them, and then compares an unchanged
// file's bytes with themselves, which costs nothing.
type sharedFS interface {
	ReadFileShared(name string) ([]byte, error)
}

// readFile reads the named file, without copying it when fsys allows.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	if s, ok := fsys.(sharedFS); ok {
		return s.ReadFileShared(name)
	}
	return fs.ReadFile(fsys, name)
}
