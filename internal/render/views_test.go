package render_test

import (
	"reflect"
	"testing"

	"briefing/internal/render"
)

// TestViewsDoNotShadow checks that no view type hides a field of the model
// value it embeds behind a field or method of the same name: a template
// asking for .Evidence or .Published must get the one thing of that name.
func TestViewsDoNotShadow(t *testing.T) {
	for _, view := range []reflect.Type{
		reflect.TypeFor[render.ArticleView](),
		reflect.TypeFor[render.ActorView](),
		reflect.TypeFor[render.ClaimView](),
	} {
		own := map[string]bool{}
		var embedded []reflect.Type
		for f := range view.Fields() {
			if f.Anonymous {
				embedded = append(embedded, f.Type.Elem())
			} else {
				own[f.Name] = true
			}
		}
		for m := range reflect.PointerTo(view).Methods() {
			own[m.Name] = true
		}
		if len(embedded) == 0 {
			t.Errorf("%s embeds no model value", view)
		}
		for _, e := range embedded {
			for f := range e.Fields() {
				if own[f.Name] {
					t.Errorf("%s.%s shadows %s.%s", view.Name(), f.Name, e, f.Name)
				}
			}
		}
	}
}
