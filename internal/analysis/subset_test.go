package analysis

import "testing"

// TestAcceptMonotone checks that the tests subset.alike is given accept
// any larger score and shared weight for the same number of words, as it
// assumes when it passes over a member whose words alone are not enough.
func TestAcceptMonotone(t *testing.T) {
	var steps []float64
	for v := 0.0; v <= 5; v += 0.05 {
		steps = append(steps, v)
	}
	for name, accept := range map[string]func(score, shared float64, n int) bool{"same": same, "sameStatement": sameStatement} {
		for n := 0; n <= 6; n++ {
			for _, score := range steps[:21] {
				for _, shared := range steps {
					if !accept(score, shared, n) {
						continue
					}
					for _, s2 := range steps[:21] {
						for _, sh2 := range steps {
							if s2 >= score && sh2 >= shared && !accept(s2, sh2, n) {
								t.Fatalf("%s accepts (%v, %v, %d) but not (%v, %v, %d)", name, score, shared, n, s2, sh2, n)
							}
						}
					}
				}
			}
		}
	}
}
