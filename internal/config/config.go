// Package config reads a briefing's config.toml.
//
// The file is TOML and strict: an unknown key or a value of the wrong type
// is an error naming config.toml:line:col. Every key is optional:
//
//	title       = "The Belgorod raid"      # site title, shown in every page header
//	description = "…"                      # default meta description
//	base_url    = "https://example.org/x/" # absolute URL the site is published at
//	language    = "en"                     # the html lang attribute
//	author      = "Desk name"              # feed author and page footer
package config

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"briefing/internal/model"
)

// FileName is the configuration file of a briefing folder.
const FileName = "config.toml"

// Config is a briefing's site-wide settings.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	BaseURL     string `toml:"base_url"`
	Language    string `toml:"language"`
	Author      string `toml:"author"`
}

// Default returns the settings used for keys config.toml leaves out.
func Default() Config {
	return Config{
		Title:    "Briefing",
		BaseURL:  "/",
		Language: "en",
	}
}

// BasePath returns the path part of BaseURL, always with a trailing slash:
// "/repo/" for "https://user.github.io/repo".
func (c Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// AbsURL returns the absolute URL of a site path such as "claims/x/", or the
// base-relative path when BaseURL has no host.
func (c Config) AbsURL(path string) string {
	base := c.BaseURL
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + strings.TrimPrefix(path, "/")
}

// Parse decodes data, the contents of config.toml, over Default. Problems
// are returned as diagnostics positioned in file.
func Parse(file string, data []byte) (Config, model.Diagnostics) {
	cfg := Default()
	var diags model.Diagnostics
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			diags.Add(model.Diagnostic{
				Pos:      model.Pos{File: file, Line: pe.Position.Line, Col: max(pe.Position.Col, 1)},
				Severity: model.Error,
				Message:  pe.Message,
				Hint:     pe.Usage,
			})
		} else if m := typeErr.FindStringSubmatch(err.Error()); m != nil {
			// Type mismatches are not ParseErrors; they name the line and key.
			key := m[2][strings.LastIndex(m[2], ".")+1:]
			line, col := findKey(data, key)
			d := model.Diagnostic{Pos: model.Pos{File: file, Line: line, Col: col}, Severity: model.Error, Message: m[2] + ": " + m[3]}
			if t := typeMismatch.FindStringSubmatch(m[3]); t != nil {
				d.Message = fmt.Sprintf("%s must be %s, not %s", m[2], typeWords(t[2]), typeWords(t[1]))
				if t[2] == "string" {
					d.Hint = fmt.Sprintf("write text in double quotes: %s = \"…\"", key)
				}
			}
			diags.Add(d)
		} else {
			diags.Errorf(model.Pos{File: file, Line: 1, Col: 1}, "%v", err)
		}
		return cfg, diags
	}
	for _, k := range md.Undecoded() {
		line, col := findKey(data, k[len(k)-1])
		diags.Add(model.Diagnostic{
			Pos:      model.Pos{File: file, Line: line, Col: col},
			Severity: model.Error,
			Message:  fmt.Sprintf("unknown key %q", k.String()),
			Hint:     "known keys are title, description, base_url, language and author",
		})
	}
	if cfg.BaseURL != "" {
		if u, err := url.Parse(cfg.BaseURL); err != nil || (u.Host == "" && !strings.HasPrefix(cfg.BaseURL, "/")) {
			line, col := findKey(data, "base_url")
			diags.Errorf(model.Pos{File: file, Line: line, Col: col}, "base_url %q is not an absolute URL or path; write e.g. \"https://user.github.io/repo/\"", cfg.BaseURL)
		}
	}
	return cfg, diags
}

var typeErr = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): (.*)$`)

var typeMismatch = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (\S+)`)

// typeWords names a Go type of a TOML value the way an editor would.
func typeWords(t string) string {
	switch {
	case t == "string":
		return "text"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map"):
		return "a table"
	case t == "time.Time":
		return "a date"
	}
	return t
}

// findKey returns the position of the first line assigning key, or 1:1.
func findKey(data []byte, key string) (line, col int) {
	re := regexp.MustCompile(`^(\s*)(?:"` + regexp.QuoteMeta(key) + `"|` + regexp.QuoteMeta(key) + `)\s*=`)
	for i, l := range strings.Split(string(data), "\n") {
		if m := re.FindStringSubmatchIndex(l); m != nil {
			return i + 1, m[3] + 1
		}
	}
	return 1, 1
}
