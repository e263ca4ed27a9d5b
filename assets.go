// Package briefing embeds the default theme: the html/template files of
// templates/ and the CSS, JavaScript and images of static/. A briefing
// folder's own templates/ and static/ override these file by file.
package briefing

import (
	"embed"
	"io/fs"
)

//go:embed all:templates all:static
var theme embed.FS

// Theme returns the embedded default theme, with templates/ and static/ at
// its root.
func Theme() fs.FS { return theme }
