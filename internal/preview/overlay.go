package preview

import (
	"html/template"
	"strings"

	"briefing/internal/model"
)

// maxOverlay is how many errors the overlay lists; the rest are counted.
const maxOverlay = 50

// overlayTemplate is the error overlay. Its styles are inline so that the
// site's stylesheet cannot hide it, and html/template escapes every message.
var overlayTemplate = template.Must(template.New("overlay").Parse(`<div id="briefing-overlay" role="alertdialog" aria-modal="true" aria-labelledby="briefing-overlay-title" style="all:initial;position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(0,0,0,.6);display:block">
<div style="all:initial;display:block;box-sizing:border-box;max-width:60rem;margin:2rem auto;padding:1.5rem 2rem;background:#1b1b1b;color:#eee;border-top:6px solid #e53935;box-shadow:0 8px 32px rgba(0,0,0,.5);font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace">
<p id="briefing-overlay-title" style="all:initial;display:block;margin:0 0 1rem;color:#ff8a80;font:bold 17px/1.4 system-ui,sans-serif">The briefing did not build: fix these files and the page reloads. Until then the preview shows the last good build (Esc hides this).</p>
<ol style="all:initial;display:block;margin:0;padding:0">
{{range .Errors}}<li style="all:initial;display:block;margin:0 0 1rem;white-space:pre-wrap;color:#eee;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace"><span class="briefing-pos" style="all:initial;color:#ffd180;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace">{{.Pos}}</span>: {{.Message}}{{with .Hint}}
<span style="all:initial;display:block;padding-left:2em;white-space:pre-wrap;color:#bbb;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace">{{.}}</span>{{end}}</li>
{{end}}</ol>
{{with .More}}<p style="all:initial;display:block;color:#eee;font:15px/1.5 system-ui,sans-serif">… and {{.}} more; run briefing check to see them all.</p>{{end}}
</div>
</div>`))

// renderOverlay renders the overlay for a failed build's diagnostics: its
// errors, or every diagnostic when none is an error.
func renderOverlay(diags model.Diagnostics) string {
	var errs model.Diagnostics
	for _, d := range diags {
		if d.Severity == model.Error {
			errs = append(errs, d)
		}
	}
	if len(errs) == 0 {
		errs = diags
	}
	if len(errs) == 0 {
		errs = model.Diagnostics{{Severity: model.Error, Message: "the build failed"}}
	}
	data := struct {
		Errors model.Diagnostics
		More   int
	}{Errors: errs}
	if len(errs) > maxOverlay {
		data.Errors, data.More = errs[:maxOverlay], len(errs)-maxOverlay
	}
	var b strings.Builder
	if err := overlayTemplate.Execute(&b, data); err != nil {
		// The template is fixed and its data plain: this cannot happen,
		// but an overlay must never be empty.
		return template.HTMLEscapeString(err.Error())
	}
	return b.String()
}
