// Package config reads a briefing's config.toml.
//
// The file is TOML and strict: an unknown key or a value of the wrong type
// is an error naming config.toml:line:col, the key's own place; every one
// is reported, not only the first; an unknown [table] at its header, and
// each key in it. Tables and arrays nested more than 64 deep
// (source.MaxDepth) are refused before decoding. Every key is optional:
//
//	title       = "The Belgorod raid"      # site title, shown in every page header
//	description = "…"                      # default meta description
//	base_url    = "https://example.org/x/" # absolute http(s) URL the site is published at, or a path "/x/"
//	language    = "en"                     # the html lang attribute
//	author      = "Desk name"              # feed author and page footer
package config

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"

	"briefing/internal/model"
	"briefing/internal/nearest"
	"briefing/internal/source"
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
// are returned as diagnostics positioned in file, all of them: every
// unknown key and every value of the wrong type.
func Parse(file string, data []byte) (Config, model.Diagnostics) {
	cfg := Default()
	var diags model.Diagnostics
	lt := source.NewFile(file, data)
	spots := source.ScanTOML(string(data))
	if off, deep := spots.TooDeep(); deep {
		diags.Add(model.Diagnostic{Pos: lt.Pos(off), Severity: model.Error,
			Message: fmt.Sprintf("values nested more than %d deep", source.MaxDepth),
			Hint:    "every setting is one line of text: key = \"…\""})
		return cfg, diags
	}
	md, err := toml.Decode(string(data), &cfg)
	var pe toml.ParseError
	if errors.As(err, &pe) {
		diags.Add(model.Diagnostic{Pos: lt.Pos(pe.Position.Start), Severity: model.Error, Message: pe.Message, Hint: pe.Usage})
		return cfg, diags
	}
	// at returns where the nth listing of key is written or, if the
	// scanner missed it, the table that holds it.
	at := func(key toml.Key, nth int) model.Pos {
		for k := key; len(k) > 0; k = k[:len(k)-1] {
			if found := spots.Find(k); len(found) > 0 {
				sp := found[min(nth, len(found)-1)]
				if sp.Key < 0 {
					return lt.Pos(sp.Val)
				}
				return lt.Pos(sp.Key)
			}
		}
		return lt.Pos(0)
	}

	// The decoder stops at the first value of the wrong type, and names
	// it only in its message; so each setting's type is checked here.
	// Every setting is text (TestSettingsAreText); a key under one makes
	// it a table.
	mistyped := map[string]bool{}
	for _, k := range md.Keys() {
		if !isSetting(k[0]) || mistyped[k[0]] {
			continue
		}
		typ := "Hash"
		if len(k) == 1 {
			typ = md.Type(k...)
		}
		if typ == "String" {
			continue
		}
		mistyped[k[0]] = true
		diags.Add(model.Diagnostic{
			Pos:      at(k[:1], 0),
			Severity: model.Error,
			Message:  fmt.Sprintf("%s must be text, not %s", k[:1], tomlWords(typ)),
			Hint:     fmt.Sprintf("write text in double quotes: %s = \"…\"", k[:1]),
		})
	}
	if err != nil && len(mistyped) == 0 {
		diags.Errorf(lt.Pos(0), "%v", err) // a refusal the check above does not foresee
	}

	listed := map[string]int{}
	for _, k := range md.Undecoded() {
		nth := listed[k.String()]
		listed[k.String()]++
		if isSetting(k[0]) {
			continue // mistyped, or after the value the decoder stopped at
		}
		hint := "known keys are title, description, base_url, language and author"
		if near := nearest.Word(k.String(), []string{"title", "description", "base_url", "language", "author"}); near != "" {
			hint = fmt.Sprintf("did you mean %q? (%s)", near, hint)
		}
		diags.Add(model.Diagnostic{
			Pos:      at(k, nth),
			Severity: model.Error,
			Message:  fmt.Sprintf("unknown key %q", k.String()),
			Hint:     hint,
		})
	}
	if cfg.BaseURL != "" && !mistyped["base_url"] {
		if err := CheckBaseURL(cfg.BaseURL); err != nil {
			diags.Add(model.Diagnostic{Pos: at(toml.Key{"base_url"}, 0), Severity: model.Error,
				Message: "base_url " + err.Error(),
				Hint:    "write the address the site is published at, e.g. \"https://user.github.io/repo/\", or a path such as \"/repo/\""})
			cfg.BaseURL = Default().BaseURL
		}
	}
	return cfg, diags
}

// CheckBaseURL returns why s cannot be a base_url, or nil: it must be an
// absolute http or https URL with a host, or a path starting with "/", and
// have no query, fragment or user name, since every page's links and
// canonical address are made by appending to it.
func CheckBaseURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Errorf("%q is not a URL", s)
	case strings.ContainsAny(s, " \t\r\n\\"):
		return fmt.Errorf("%q holds white space or a backslash", s)
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/"):
		// a path: the site's links carry it; it has no absolute address
	case u.Scheme == "":
		return fmt.Errorf("%q is neither an absolute URL nor a path starting with /; start it with https://", s)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%q is not an http or https URL, nor a path starting with /", s)
	case u.Host == "":
		return fmt.Errorf("%q has no host", s)
	case u.User != nil:
		return fmt.Errorf("%q has a user name: it would be published in every page", s)
	}
	switch {
	case u.RawQuery != "" || u.ForceQuery:
		return fmt.Errorf("%q has a query (?…); page addresses are appended to it", s)
	case u.Fragment != "" || strings.Contains(s, "#"):
		return fmt.Errorf("%q has a fragment (#…); page addresses are appended to it", s)
	}
	return nil
}

// isSetting reports whether the decoder fills a field of Config from the
// top-level key name: one tagged with it, or, as BurntSushi/toml also
// matches, with it in other case.
func isSetting(name string) bool {
	t := reflect.TypeFor[Config]()
	for i := range t.NumField() {
		if strings.EqualFold(t.Field(i).Tag.Get("toml"), name) {
			return true
		}
	}
	return false
}

// tomlWords names a TOML type, as md.Type gives it, the way an editor
// would.
func tomlWords(t string) string {
	switch t {
	case "String":
		return "text"
	case "Integer", "Float":
		return "a number"
	case "Bool":
		return "true or false"
	case "Array", "ArrayHash":
		return "a list"
	case "Hash":
		return "a table"
	case "Datetime":
		return "a date"
	}
	return t
}
