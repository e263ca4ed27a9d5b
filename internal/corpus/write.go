package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// WriteFunc writes one file of a generated folder; name is
// slash-separated and relative to the folder.
type WriteFunc func(name string, data []byte) error

// WriteBriefing writes c as a briefing folder: config.toml,
// content/_index.md, and content/articles/<slug>.txt with a sidecar
// <slug>.md, content/actors/<slug>.md and content/claims/<slug>.md,
// following the content contract of the README.
func (c *Corpus) WriteBriefing(write WriteFunc) error {
	files := []struct {
		name string
		data string
	}{
		{"config.toml", fmt.Sprintf("title = %s\ndescription = %s\nbase_url = \"/\"\nlanguage = \"en\"\nauthor = \"The desk\"\n",
			str("A generated briefing"), str(c.summary()))},
		{"content/_index.md", "---\ntitle: " + str("A generated briefing") + "\ndescription: " + str(c.summary()) + "\n---\n" +
			"A briefing generated from the sentences of the default articles, to measure how the generator scales.\n"},
	}
	for _, a := range c.Articles {
		var m strings.Builder
		m.WriteString("---\n")
		field(&m, "title", a.Title)
		field(&m, "outlet", a.Outlet)
		field(&m, "origin", a.Origin)
		field(&m, "author", a.Author)
		fmt.Fprintf(&m, "published: %s\n", a.Published)
		field(&m, "url", "https://example.org/"+slugify(a.Outlet)+"/"+a.Slug)
		field(&m, "language", "en")
		field(&m, "derived_from", a.DerivedFrom)
		m.WriteString("---\nA generated report: " + a.Paragraphs[0][0] + "\n")
		files = append(files,
			struct{ name, data string }{"content/articles/" + a.Slug + ".txt", a.Text()},
			struct{ name, data string }{"content/articles/" + a.Slug + ".md", m.String()})
	}
	for _, a := range c.Actors {
		var m strings.Builder
		m.WriteString("---\n")
		field(&m, "name", a.Name)
		fmt.Fprintf(&m, "aliases: %s\n", list(a.Aliases))
		field(&m, "kind", a.Kind)
		field(&m, "side", a.Side)
		field(&m, "role", a.Role)
		m.WriteString("---\n" + a.Name + " is a generated actor, quoted in the generated articles.\n")
		files = append(files, struct{ name, data string }{"content/actors/" + a.Slug + ".md", m.String()})
	}
	for _, cl := range c.Claims {
		var m strings.Builder
		m.WriteString("---\n")
		field(&m, "title", cl.Title)
		field(&m, "status", cl.Status)
		fmt.Fprintf(&m, "claimed_by: %s\n", list(cl.ClaimedBy))
		if len(cl.DisputedBy) > 0 {
			fmt.Fprintf(&m, "disputed_by: %s\n", list(cl.DisputedBy))
		}
		m.WriteString("evidence:\n")
		for _, e := range cl.Evidence {
			fmt.Fprintf(&m, "  - article: %s\n    quote: %s\n    stance: %s\n", e.Article, str(e.Quote), e.Stance)
		}
		m.WriteString("updated: 2026-11-23\n---\n")
		m.WriteString("A generated claim: its quotes are words of the articles it cites.\n")
		files = append(files, struct{ name, data string }{"content/claims/" + cl.Slug + ".md", m.String()})
	}
	for _, f := range files {
		if err := write(f.name, []byte(f.data)); err != nil {
			return err
		}
	}
	return nil
}

// WriteHugo writes the same articles, actors and claims as a minimal Hugo
// site: hugo.toml, a Markdown page for each under content/, and one layout
// for single pages and one for lists. Article texts are the same words as
// in the briefing, their paragraphs Markdown paragraphs.
func (c *Corpus) WriteHugo(write WriteFunc) error {
	files := map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"A generated briefing\"\nlanguageCode = \"en\"\n" +
			"disableKinds = [\"taxonomy\", \"term\"]\n",
		"content/_index.md": "---\ntitle: " + str("A generated briefing") + "\n---\n" + c.summary() + "\n",
		"layouts/_default/single.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ with .Params.outlet }}<p>{{ . }}{{ with $.Params.author }}, {{ . }}{{ end }}</p>{{ end }}
{{ .Content }}</main></body></html>
`,
		"layouts/_default/list.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
`,
	}
	var buf bytes.Buffer
	for _, a := range c.Articles {
		buf.Reset()
		fmt.Fprintf(&buf, "---\ntitle: %s\ndate: %s\noutlet: %s\nauthor: %s\n---\n", str(a.Title), a.Published, str(a.Outlet), str(a.Author))
		buf.WriteString(a.Text())
		files["content/articles/"+a.Slug+".md"] = buf.String()
	}
	for _, a := range c.Actors {
		files["content/actors/"+a.Slug+".md"] = fmt.Sprintf("---\ntitle: %s\n---\n%s, %s. Also named %s.\n",
			str(a.Name), a.Name, a.Role, strings.Join(a.Aliases[1:], ", "))
	}
	for _, cl := range c.Claims {
		var m strings.Builder
		fmt.Fprintf(&m, "---\ntitle: %s\n---\nStatus: %s.\n", str(cl.Title), cl.Status)
		for _, e := range cl.Evidence {
			fmt.Fprintf(&m, "\n> %s\n\n[%s](/articles/%s/), %s.\n", e.Quote, e.Article, e.Article, e.Stance)
		}
		files["content/claims/"+cl.Slug+".md"] = m.String()
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := write(name, []byte(files[name])); err != nil {
			return err
		}
	}
	return nil
}

// summary describes the corpus in one sentence.
func (c *Corpus) summary() string {
	return fmt.Sprintf("%d generated articles, %d actors and %d claims.", len(c.Articles), len(c.Actors), len(c.Claims))
}

// field writes a YAML line key: value, unless value is empty.
func field(b *strings.Builder, key, value string) {
	if value != "" {
		fmt.Fprintf(b, "%s: %s\n", key, str(value))
	}
}

// str returns s as a double-quoted string, which reads the same in YAML,
// TOML and JSON.
func str(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// list returns xs as a flow list of double-quoted strings.
func list(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = str(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
