package formats

import "testing"

func TestPageCount(t *testing.T) {
	cases := []struct {
		pdf  string
		want int
	}{
		{"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>", 0},
		{"<< /Type /Page /Parent 2 0 R >>\n<</Type/Page/Parent 2 0 R>>", 2},
		{"<< /Type /Pages >> << /Type /Page >> << /Type /Catalog >>", 1},
	}
	for _, c := range cases {
		if got := PageCount([]byte(c.pdf)); got != c.want {
			t.Errorf("PageCount(%q) = %d, want %d", c.pdf, got, c.want)
		}
	}
}

func TestDests(t *testing.T) {
	pdf := "1 0 obj\n<</Type /Catalog>>\nendobj\n7 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj\n9 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj\n3 0 obj\n<</start [7 0 R /XYZ 18 805.91998 0]\n/about [9 0 R /XYZ 18 400.5 0]\n/lost [99 0 R /XYZ 18 1 0]>>\nendobj\n"
	got := Dests([]byte(pdf))
	want := map[string]Dest{"start": {1, 805.91998}, "about": {2, 400.5}}
	if len(got) != len(want) {
		t.Fatalf("Dests = %v, want %v", got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("Dests[%q] = %v, want %v", k, got[k], w)
		}
	}
}
