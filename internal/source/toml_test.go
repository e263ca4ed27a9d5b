package source

import "testing"

// FuzzScanTOML checks that the TOML position scanner ends, on any text,
// and only reports offsets inside it.
func FuzzScanTOML(f *testing.F) {
	for _, seed := range []string{
		"title = \"T\"\n[[evidence]]\nquote = 'q'\n",
		"a = [1, [2, {b = \"\"\"c\n\"\"\"}]] # d\n[e.\"f\".g]\nh.i = 2023-05-23 07:00:00Z\n",
		"a = \"\\\"\n[[\n'''\n{\n",
		"[[a]]\n[[a.b]]\n[a.b.c]\n[[a]]\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for path, sp := range ScanTOML(src).spots {
			if sp.Key < -1 || sp.Key > len(src) || sp.Val < -1 || sp.Val > len(src) || sp.Key < 0 && sp.Val < 0 {
				t.Errorf("%q at %+v, outside the text of %d bytes", path, sp, len(src))
			}
		}
	})
}
