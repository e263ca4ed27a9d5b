package markdown

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestRenderLinks(t *testing.T) {
	src := "See [the bridge](claim:bridge) and ![a map](img:map).\n\n" +
		"Two bad: [x](claim:nope), then [«é» y](claim:nope) and [ref].\n\n" +
		"[ref]: claim:gone\n\n[web](https://x.example/) stays.\n"
	rewrite := func(dest string) (string, error) {
		switch dest {
		case "claim:bridge":
			return "../bridge/", nil
		case "img:map":
			return "map.png", nil
		case "claim:nope", "claim:gone":
			return "", fmt.Errorf("no claim %s", dest)
		}
		return dest, nil
	}
	h, err := New().RenderLinks(src, rewrite)
	for _, want := range []string{`href="../bridge/"`, `src="map.png"`, `href="https://x.example/"`} {
		if !strings.Contains(string(h), want) {
			t.Errorf("the HTML lacks %s:\n%s", want, h)
		}
	}
	var les LinkErrors
	if !errors.As(err, &les) {
		t.Fatalf("err = %v, want LinkErrors", err)
	}
	var got []string
	for _, le := range les {
		got = append(got, fmt.Sprintf("%d:%d %s", le.Line, le.Col, le.Dest))
	}
	// Each bad link at its own place: the second "claim:nope" after the
	// first, its column counted in characters; the reference at its
	// definition.
	want := []string{"3:14 claim:nope", "3:40 claim:nope", "5:8 claim:gone"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("bad links at %v, want %v", got, want)
	}
}

func TestRenderLinksNil(t *testing.T) {
	h, err := New().RenderLinks("[a](claim:x)\n", nil)
	if err != nil || !strings.Contains(string(h), `href="claim:x"`) {
		t.Errorf("without a rewrite: %s, %v", h, err)
	}
}
