package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the cmp files of testdata/script/*.txtar")

// TestMain lets the scripts run the real command: "briefing" in a script
// is this test binary running main, which exits 1 on error.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"briefing": main})
}

// TestScripts runs the command-line scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"diagjson": cmdDiagJSON,
			"grepall":  cmdGrepAll,
			"safehtml": cmdSafeHTML,
		},
	})
}

// cmdDiagJSON checks that a file is the JSON output of briefing check: a
// list of diagnostics, each with a file, a line ≥ 1 and a column ≥ 1
// (a whole-file diagnostic has neither), a severity and a message.
//
//	diagjson file count
func cmdDiagJSON(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: diagjson file count")
	}
	var diags []struct {
		Pos struct {
			File string `json:"file"`
			Line *int   `json:"line"`
			Col  *int   `json:"col"`
		} `json:"pos"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &diags); err != nil {
		ts.Fatalf("%s is not valid JSON: %v", args[0], err)
	}
	if got := strconv.Itoa(len(diags)); got != args[1] {
		ts.Fatalf("%s has %s diagnostics, want %s", args[0], got, args[1])
	}
	for i, d := range diags {
		if d.Pos.File == "" || d.Message == "" {
			ts.Fatalf("diagnostic %d has no file or message: %+v", i, d)
		}
		switch d.Severity {
		case "error", "warning", "suggestion":
		default:
			ts.Fatalf("diagnostic %d: severity %q", i, d.Severity)
		}
		if d.Pos.Col != nil && (d.Pos.Line == nil || *d.Pos.Col < 1) || d.Pos.Line != nil && *d.Pos.Line < 1 {
			ts.Fatalf("diagnostic %d: bad position %+v", i, d.Pos)
		}
	}
}

// cmdGrepAll succeeds when some file under dir matches pattern; negated, it
// fails naming every file that matches.
//
//	[!] grepall pattern dir
func cmdGrepAll(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: grepall pattern dir")
	}
	re, err := regexp.Compile(args[0])
	ts.Check(err)
	var matched []string
	root := ts.MkAbs(args[1])
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if re.Match(data) {
			rel, _ := filepath.Rel(root, p)
			matched = append(matched, rel)
		}
		return nil
	})
	ts.Check(err)
	switch {
	case neg && len(matched) > 0:
		ts.Fatalf("%q found in %v", args[0], matched)
	case !neg && len(matched) == 0:
		ts.Fatalf("%q found in no file under %s", args[0], args[1])
	}
}

// cmdSafeHTML parses every .html file under dir and fails on any script the
// theme did not write (a <script> element without src= that is not JSON-LD)
// and on any element with an event-handler attribute (onerror=, onclick=):
// what article text would produce if it were not escaped.
//
//	safehtml dir
func cmdSafeHTML(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: safehtml dir")
	}
	root := ts.MkAbs(args[0])
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		n++
		rel, _ := filepath.Rel(root, p)
		z := html.NewTokenizer(f)
		for {
			switch z.Next() {
			case html.ErrorToken:
				if z.Err() == io.EOF {
					return nil
				}
				return fmt.Errorf("%s: %v", rel, z.Err())
			case html.StartTagToken, html.SelfClosingTagToken:
				tok := z.Token()
				attrs := map[string]string{}
				for _, a := range tok.Attr {
					attrs[a.Key] = a.Val
					if strings.HasPrefix(a.Key, "on") {
						ts.Fatalf("%s: <%s> has an event handler %s=%q", rel, tok.Data, a.Key, a.Val)
					}
				}
				if tok.Data == "script" && attrs["src"] == "" && attrs["type"] != "application/ld+json" {
					ts.Fatalf("%s: inline <script> element: %s", rel, tok)
				}
			}
		}
	})
	ts.Check(err)
	if n == 0 {
		ts.Fatalf("no .html files under %s", args[0])
	}
}
