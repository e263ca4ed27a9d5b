package render_test

import (
	"reflect"
	"testing"

	"briefing/internal/render"
)

// TestViewsDoNotShadow checks that no view type hides a field of the model
// value it embeds behind a field or method of the same name: a template
// asking for .Evidence or .Published must get the one thing of that name.
// A field of the same name and type is a copy, which TestViewCopies
// checks is equal.
func TestViewsDoNotShadow(t *testing.T) {
	for _, view := range []reflect.Type{
		reflect.TypeFor[render.ArticleView](),
		reflect.TypeFor[render.ActorView](),
		reflect.TypeFor[render.ClaimView](),
	} {
		own := map[string]reflect.Type{} // a method's is nil
		var embedded []reflect.Type
		for f := range view.Fields() {
			if f.Anonymous {
				embedded = append(embedded, f.Type.Elem())
			} else {
				own[f.Name] = f.Type
			}
		}
		for m := range reflect.PointerTo(view).Methods() {
			if _, field := own[m.Name]; !field {
				own[m.Name] = nil
			}
		}
		if len(embedded) == 0 {
			t.Errorf("%s embeds no model value", view)
		}
		for _, e := range embedded {
			for f := range e.Fields() {
				if typ, ok := own[f.Name]; ok && typ != f.Type {
					t.Errorf("%s.%s shadows %s.%s", view.Name(), f.Name, e, f.Name)
				}
			}
		}
	}
}
