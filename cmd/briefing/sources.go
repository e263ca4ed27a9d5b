package main

import (
	"io/fs"

	"briefing/internal/config"
	"briefing/internal/content"
	"briefing/internal/mirror"
)

// sources returns the parts of a briefing folder that are read: the trees
// and the single files that serve watches, mirrors and builds.
func sources() (trees, files []string) {
	return []string{content.Dir, "templates", "static"}, []string{config.FileName}
}

// readSources reads the sources of the briefing folder src as serve's
// mirror does, so that build, check and serve read the same files by the
// same rules: nothing from outside the folder, no device, pipe or socket.
// What it refuses, or cannot read, the build reports as errors.
func readSources(src string) (fs.FS, error) {
	trees, files := sources()
	m, err := mirror.New(src, trees, files)
	if m == nil {
		return nil, err
	}
	return m.FS(), nil // err repeats what the snapshot's Refused says
}
