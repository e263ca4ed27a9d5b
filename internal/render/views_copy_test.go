package render

import (
	"reflect"
	"testing"

	"briefing/internal/config"
	"briefing/internal/markdown"
	"briefing/internal/model"
)

// TestViewCopies checks that each field a view copies from the model's
// value it embeds is equal to the model's.
func TestViewCopies(t *testing.T) {
	s := &model.Site{
		Articles: []*model.Article{{Slug: "a", Title: "T", Outlet: "O", Origin: "Or", Author: "Au", URL: "https://x.example/"}},
		Actors:   []*model.Actor{{Slug: "b", Name: "N", Side: "S", Role: "R"}},
		Claims:   []*model.Claim{{Slug: "c", Title: "C", Status: model.Statuses()[0]}},
	}
	var diags model.Diagnostics
	v := newViews(config.Config{}, s, &model.Findings{}, markdown.New(), &diags)
	n := 0
	check := func(view any) {
		rv := reflect.ValueOf(view).Elem()
		embedded := rv.Field(0).Elem()
		for i := 1; i < rv.NumField(); i++ {
			f := rv.Type().Field(i)
			if m := embedded.FieldByName(f.Name); m.IsValid() && f.IsExported() {
				n++
				if !reflect.DeepEqual(rv.Field(i).Interface(), m.Interface()) {
					t.Errorf("%s.%s = %v, the model's is %v", rv.Type(), f.Name, rv.Field(i), m)
				}
			}
		}
	}
	for _, av := range v.articles {
		check(av)
	}
	for _, av := range v.actors {
		check(av)
	}
	for _, cv := range v.claims {
		check(cv)
	}
	if n == 0 {
		t.Fatal("no copied field checked")
	}
}
