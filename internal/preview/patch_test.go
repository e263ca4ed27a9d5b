package preview

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"briefing/internal/browsertest"
	"briefing/internal/render"
)

// TestPatch runs the client in a real browser: after each change of the
// open page's body the page shows the new body without reloading, and the
// nodes the change did not touch are the same nodes as before.
func TestPatch(t *testing.T) {
	ctx := browsertest.New(t)
	cases := []struct {
		name          string
		before, after string
		reader        string // JavaScript run before the change: what the reader or a script did
		want          string // the body after the change, when not after
		kept          string // JavaScript, true when the right nodes are kept: nodes and texts are the body's elements and their first children before
	}{{
		name:   "text",
		before: `<p id="a">one</p><p id="b">two</p>`,
		after:  `<p id="a">one, changed</p><p id="b">two</p>`,
		kept:   `document.getElementById("b").firstChild === window.texts[1] && document.getElementById("a") === nodes[0]`,
	}, {
		name:   "inserted",
		before: "<p>A</p>\n<p>B</p>\n",
		after:  "<p>A</p>\n<p>new</p>\n<p>B</p>\n",
		kept:   `(p => p[0] === nodes[0] && p[2] === nodes[1] && p[2].firstChild === texts[1])(document.querySelectorAll("p"))`,
	}, {
		name:   "deleted",
		before: "<p>A</p>\n<p>gone</p>\n<p>B</p>\n",
		after:  "<p>A</p>\n<p>B</p>\n",
		kept:   `(p => p[0] === nodes[0] && p[1] === nodes[2] && p[1].firstChild === texts[2])(document.querySelectorAll("p"))`,
	}, {
		name:   "reordered by id",
		before: `<p><span id="s1">One.</span> <span id="s2">Two.</span> <span id="s3">Three.</span></p>`,
		after:  `<p><span id="s3">Three.</span> <span id="s1">One.</span> <span id="s2">Two.</span></p>`,
		kept:   `["s1", "s2", "s3"].every((id, i) => document.getElementById(id) === nodes[i + 1])`,
	}, {
		name:   "sentence inserted by id",
		before: `<p><span id="s1">One.</span> <span id="s2">Two.</span></p>`,
		after:  `<p><span id="s1">One.</span> <span id="s9">New.</span> <span id="s2">Two.</span></p>`,
		kept:   `document.getElementById("s1") === nodes[1] && document.getElementById("s2") === nodes[2] && document.querySelector("p") === nodes[0]`,
	}, {
		name:   "attributes",
		before: `<p class="a" title="t">x</p>`,
		after:  `<p class="b">x</p>`,
		kept:   `document.querySelector("p") === nodes[0]`,
	}, {
		name:   "details stay as the reader left them",
		before: `<details id="d"><summary>s</summary>x</details><details id="e" open><summary>s</summary>x</details>`,
		after:  `<details id="d"><summary>s</summary>y</details><details id="e" open><summary>s</summary>y</details>`,
		reader: `document.getElementById("d").open = true; document.getElementById("e").open = false`,
		want:   `<details id="d" open=""><summary>s</summary>y</details><details id="e"><summary>s</summary>y</details>`,
		kept:   `document.getElementById("d") === nodes[0]`,
	}, {
		name:   "what scripts added stays",
		before: `<ul id="l"></ul><p>a</p>`,
		after:  `<ul id="l"></ul><p>b</p><p>c</p>`,
		reader: `document.getElementById("l").append(document.createElement("li")); document.body.style.margin = "1px"; document.body.append("added")`,
		want:   "<ul id=\"l\"><li></li></ul><p>b</p><p>c</p>\n\nadded",
		kept:   `document.body.style.margin === "1px"`,
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, ts := serve(t, Options{}, render.Files{"index.html": []byte(strings.Replace(page, "<header>x</header><p>%s</p>", tc.before, 1))})
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL)); err != nil {
				t.Fatal(err)
			}
			waitConnected(t, p)
			setup := `window.marker = 1;
				window.nodes = Array.from(document.body.querySelectorAll("*")).filter(e => e.tagName !== "SCRIPT");
				window.texts = nodes.map(e => e.firstChild);` + tc.reader
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](setup)); err != nil {
				t.Fatal(err)
			}
			p.Update(Build{Site: render.Files{"index.html": []byte(strings.Replace(page, "<header>x</header><p>%s</p>", tc.after, 1))}})
			want := tc.want
			if want == "" {
				want = tc.after
			}
			waitPage(t, ctx, "the body patched to "+want, `document.body.innerHTML.trim() === `+jsString(strings.TrimSpace(want)))
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.marker === 1 && (`+tc.kept+`)`))
			if err != nil || !ok {
				t.Errorf("the page reloaded or lost nodes it should have kept (%s): %v", tc.kept, err)
			}
		})
	}
}

// TestPatchHeadReloads checks that a change to the page's <head> reloads it.
func TestPatchHeadReloads(t *testing.T) {
	ctx := browsertest.New(t)
	p, ts := serve(t, Options{}, render.Files{"index.html": []byte(strings.Replace(page, "%s", "a", 1))})
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL)); err != nil {
		t.Fatal(err)
	}
	waitConnected(t, p)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.marker = 1`)); err != nil {
		t.Fatal(err)
	}
	next := strings.Replace(strings.Replace(page, "%s", "b", 1), "</head>", "<title>New</title>\n</head>", 1)
	p.Update(Build{Site: render.Files{"index.html": []byte(next)}})
	waitPage(t, ctx, "the page reloaded for a new <head>", `document.title === "New" && window.marker === undefined && document.body.innerText.includes("b")`)
}

// TestPatchWithStylesheet changes a page and its stylesheet at once: the
// page is patched and the stylesheet swapped, without a reload.
func TestPatchWithStylesheet(t *testing.T) {
	ctx := browsertest.New(t)
	files := render.Files{"index.html": []byte(strings.Replace(page, "%s", "a", 1)), "style.css": []byte("body{color:black}")}
	p, ts := serve(t, Options{}, files)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL)); err != nil {
		t.Fatal(err)
	}
	waitConnected(t, p)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.marker = 1`)); err != nil {
		t.Fatal(err)
	}
	files = render.Files{"index.html": []byte(strings.Replace(page, "%s", "b", 1)), "style.css": []byte("body{color:rgb(1, 2, 3)}")}
	p.Update(Build{Site: files})
	waitPage(t, ctx, "the page patched, with its new stylesheet", `document.body.innerText.includes("b") && getComputedStyle(document.body).color === "rgb(1, 2, 3)" && window.marker === 1`)
}

// waitPage waits until the JavaScript condition is true in the open page.
func waitPage(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerHTML`))
			t.Fatalf("%s: not seen within 10s (%v); the body is\n%q", what, err, body)
		}
		time.Sleep(10 * time.Millisecond) // poll interval
	}
}

// waitConnected waits until the open page listens to the event stream.
func waitConnected(t *testing.T, p *Server) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for p.broker.clientCount() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the page did not connect within 10s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
