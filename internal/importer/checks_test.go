package importer

import "testing"

func TestCheckText(t *testing.T) {
	for in, want := range map[string]bool{
		"see the guidance (see ) for more":    true,
		"on managing conflict (see and ).":    true,
		"Both the and recognise that":         true,
		"Medicines for Children wrote an .":   true,
		"Where necessary, the to prevent":     true,
		"and such as stem cell therapies":     true,
		"A complete sentence, with a clause.": false,
		"Travel to and from the hospital.":    false,
		"Use the form (see page 4).":          false,
	} {
		var warns notes
		checkText(&Document{Blocks: []Block{{Kind: Para, Line: 7, Spans: []Span{{Text: in}}}}}, &warns)
		if got := len(warns) == 1 && warns[0].Line == 7; got != want {
			t.Errorf("checkText(%q) warnings %v, want one: %v", in, warns, want)
		}
	}
	var warns notes
	checkText(&Document{Blocks: []Block{{Kind: Quote, Line: 3, Spans: []Span{{Text: "Said."}, {Ref: 2}}}}}, &warns)
	if len(warns) != 1 {
		t.Errorf("marker in a quotation: warnings %v", warns)
	}
}
