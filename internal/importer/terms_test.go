package importer

import "testing"

func TestSplitTerm(t *testing.T) {
	tests := []struct{ in, term, def string }{
		{"Child or children Babies and young people under 18.", "Child or children", "Babies and young people under 18."},
		{"Family Parent, carer or guardian.", "Family", "Parent, carer or guardian."},
		{"Named consultant A named consultant who leads care.", "Named consultant", "A named consultant who leads care."},
		{"Multidisciplinary team (MDT) A group of professionals.", "Multidisciplinary team (MDT)", "A group of professionals."},
		{"Healthcare professional\u00a0 A qualified person.", "Healthcare professional", "A qualified person."},
		{"Family advocate A named contact who gives information to\u00a0 the family.", "Family advocate", "A named contact who gives information to the family."},
		{"National Advisory Panel A team of experts.", "National Advisory Panel", "A team of experts."},
		{"Mediation: Help to settle a disagreement.", "Mediation", "Help to settle a disagreement."},
		{"Parallel planning Parallel planning means two plans.", "Parallel planning", "Parallel planning means two plans."},
		{"Term\tDefinition in a tab cell.", "Term", "Definition in a tab cell."},
	}
	for _, tt := range tests {
		term, def, ok := splitTerm(tt.in)
		if !ok || term != tt.term || def != tt.def {
			t.Errorf("splitTerm(%q) = %q, %q, %v; want %q, %q", tt.in, term, def, ok, tt.term, tt.def)
		}
	}
	for _, in := range []string{"unsplittable lower case line", "Word", "List of key terms"} {
		if term, def, ok := splitTerm(in); ok {
			t.Errorf("splitTerm(%q) = %q, %q; want no split", in, term, def)
		}
	}
}
