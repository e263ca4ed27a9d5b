package render_test

import (
	"regexp"
	"testing"
	"testing/fstest"

	"briefing/internal/build"
)

// TestFurnitureSetApart checks that an article page sets scraped page
// furniture apart from the article's text, and keeps it, anchors and all.
func TestFurnitureSetApart(t *testing.T) {
	fsys := briefing(nil)
	fsys["content/articles/scraped.txt"] = &fstest.MapFile{Data: []byte(
		"Officials said the bridge had been closed.\n\nVideo Embed\n\nThe mayor said it would reopen soon.\n\nCLICK HERE TO READ MORE FROM THE DAILY NEWS\n")}
	fsys["content/articles/scraped.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bridge closed\noutlet: Daily News\n---\n")}
	html := string(build1(t, fsys, build.Options{})["articles/scraped/index.html"])
	furniture := regexp.MustCompile(`<p class="furniture"><span class="furniture-label">Not part of the article: </span><span class="s" id="s-[0-9a-f]+">([^<]*)</span>`).FindAllStringSubmatch(html, -1)
	if len(furniture) != 2 || furniture[0][1] != "Video Embed" || furniture[1][1] != "CLICK HERE TO READ MORE FROM THE DAILY NEWS" {
		t.Errorf("furniture paragraphs %q, want Video Embed and the CLICK HERE line", furniture)
	}
	if n := len(regexp.MustCompile(`<p>`).FindAllString(html, -1)); n < 2 {
		t.Errorf("%d plain paragraphs, want the two sentences of the article as text", n)
	}
}
