package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"briefing/internal/build"
	"briefing/internal/model"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "briefing folder")
	asJSON := fl.Bool("json", false, "print diagnostics as JSON")
	if err := fl.Parse(args); err != nil {
		return errReported
	}
	if err := checkSource(*src); err != nil {
		return err
	}
	b, err := build.New()
	if err != nil {
		return err
	}
	res, err := b.Build(ctx, os.DirFS(*src), build.Options{})
	if err != nil {
		return err
	}
	if *asJSON {
		diags := res.Diags
		if diags == nil {
			diags = model.Diagnostics{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(diags); err != nil {
			return err
		}
	} else {
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
