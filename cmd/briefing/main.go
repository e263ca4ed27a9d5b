// Command briefing builds, previews and checks briefing sites: static
// explainer sites generated from the raw articles several outlets published
// about one event, plus editors' Markdown about the actors and the claims.
//
// Usage:
//
//	briefing build  [-src DIR] [-out DIR] [-base-url URL] [-minify]
//	briefing serve  [-src DIR] [-addr 127.0.0.1:1313]
//	briefing check  [-src DIR] [-format text|json|github]
//	briefing new    [-action OWNER/REPO@REF] DIR | [-src DIR] claim SLUG | [-src DIR] actor SLUG
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"briefing/internal/model"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errReported) {
			// Paths in the error come from the user's arguments and the
			// file system: escape what could drive the terminal.
			fmt.Fprintln(os.Stderr, "briefing:", model.Printable(err.Error()))
		}
		os.Exit(1)
	}
}

// errReported means the command has already printed why it failed.
var errReported = errors.New("failed")

const usage = `briefing builds static briefing sites from raw articles and editors' notes.

Usage:
  briefing build  [-src DIR] [-out DIR] [-base-url URL] [-minify]   build the site (default ./site)
  briefing serve  [-src DIR] [-addr 127.0.0.1:1313]                 preview with live reload
  briefing check  [-src DIR] [-json]                                diagnostics; exit 1 on errors
  briefing new    [-action OWNER/REPO@REF] DIR                      start a new briefing folder
  briefing new    [-src DIR] claim SLUG | actor SLUG                add a claim or an actor file

Run "briefing COMMAND -h" for a command's flags.
`

// run is the whole program, callable from tests.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errReported
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, args, stdout, stderr)
	case "check":
		return runCheck(ctx, args, stdout, stderr)
	case "new":
		return runNew(ctx, args, stdout, stderr)
	case "serve":
		return runServe(ctx, args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "briefing: unknown command %q\n\n%s", cmd, usage)
	return errReported
}
