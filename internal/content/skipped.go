package content

import (
	"fmt"
	"io/fs"
	"strings"

	"briefing/internal/model"
)

// contentExts are the endings of the files read in each folder of
// content/; the first listing of a folder is the one that reports what it
// skips, so that each skipped file is reported once.
func contentExts(dir string) []string {
	if dir == "articles" {
		return []string{".txt", ".md"}
	}
	return []string{".md"}
}

// reportSkipped warns about e, an entry of content/<dir> that the listing
// for ext skips, when no listing of the folder reads it: a subfolder, or a
// file with another ending (X.MD, x.html). Editors' temporary files are
// skipped without a word.
func reportSkipped(dir, ext string, e fs.DirEntry, diags *model.Diagnostics) {
	exts := contentExts(dir)
	name := e.Name()
	if ext != exts[0] || Ignored(name) {
		return
	}
	file := Dir + "/" + dir + "/" + name
	if e.IsDir() {
		diags.Add(model.Diagnostic{Pos: model.Pos{File: file}, Severity: model.Warning,
			Message: "folder is not read",
			Hint:    fmt.Sprintf("subfolders of content/%s are not read; move its files up, or out of content/", dir)})
		return
	}
	for _, x := range exts {
		if strings.HasSuffix(name, x) {
			return
		}
	}
	diags.Add(model.Diagnostic{Pos: model.Pos{File: file}, Severity: model.Warning,
		Message: "file is not read",
		Hint:    fmt.Sprintf("content/%s reads only files ending in %s; rename it, or move it out of content/", dir, strings.Join(exts, " or "))})
}

// reportStray warns about what content/ holds besides _index.md and the
// folders Load reads.
func reportStray(fsys fs.FS, diags *model.Diagnostics) {
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		return // reported, if it matters, by the listings
	}
	for _, e := range entries {
		name := e.Name()
		if Ignored(name) {
			continue
		}
		switch {
		case e.IsDir() && (name == "articles" || name == "actors" || name == "claims" || name == "pages"):
		case !e.IsDir() && name == "_index.md":
		default:
			diags.Add(model.Diagnostic{Pos: model.Pos{File: Dir + "/" + name}, Severity: model.Warning,
				Message: "not read",
				Hint:    "content/ holds _index.md and the folders articles, actors, claims and pages; move it into one of them, or out of content/"})
		}
	}
}
