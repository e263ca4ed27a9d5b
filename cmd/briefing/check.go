package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"briefing/internal/build"
	"briefing/internal/model"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "briefing folder")
	asJSON := fl.Bool("json", false, "print diagnostics as JSON (the same as -format json)")
	format := fl.String("format", "text", "how to print diagnostics: text, json, or github (workflow commands that GitHub shows on a pull request's diff)")
	if err := fl.Parse(args); err != nil {
		return errReported
	}
	if *asJSON {
		*format = "json"
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintf(stderr, "check: unknown -format %q; use text, json or github\n", *format)
		return errReported
	}
	if err := checkSource(*src); err != nil {
		return err
	}
	b, err := build.New()
	if err != nil {
		return err
	}
	fsys, err := readSources(*src)
	if err != nil {
		return err
	}
	res, err := b.Build(ctx, fsys, build.Options{})
	if err != nil {
		return err
	}
	switch *format {
	case "github":
		for _, d := range res.Diags {
			fmt.Fprintln(stdout, githubCommand(d))
		}
	case "json":
		diags := res.Diags
		if diags == nil {
			diags = model.Diagnostics{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(diags); err != nil {
			return err
		}
	default:
		printDiags(stdout, res.Diags, true)
		if len(res.Diags) == 0 {
			fmt.Fprintln(stdout, "no problems found")
		}
	}
	if res.Diags.HasErrors() {
		return errReported
	}
	return nil
}
