package importer

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures and the golden files in testdata")

// asCP1252 is what happens to UTF-8 read as Windows-1252 and saved again.
// Bytes Windows-1252 leaves undefined become C1 controls, as Windows and
// Latin-1 readers do, so nothing is lost.
func asCP1252(s string) string {
	var b strings.Builder
	dec := charmap.Windows1252.NewDecoder()
	for i := 0; i < len(s); i++ {
		out, err := dec.Bytes([]byte{s[i]})
		if r, _ := utf8.DecodeRune(out); err != nil || r == utf8.RuneError {
			b.WriteRune(rune(s[i]))
			continue
		}
		b.Write(out)
	}
	return b.String()
}

// asCP1252Lossy is the same through x/text's decoder, which turns the
// undefined bytes (0x9D in ” among them) into U+FFFD; drop removes the
// U+FFFD too, as an editor that strips bad characters would.
func asCP1252Lossy(s string, drop bool) string {
	out, _ := charmap.Windows1252.NewDecoder().String(s)
	if drop {
		out = strings.ReplaceAll(out, "\uFFFD", "")
	}
	return out
}

// asGBK is UTF-8 read as GBK and saved again; an invalid pair becomes
// U+FFFD (or "?" when question is set, as a legacy encoder writes it).
func asGBK(s string, question bool) string {
	out, _ := simplifiedchinese.GBK.NewDecoder().String(s)
	if question {
		out = strings.ReplaceAll(out, "\uFFFD", "?")
	}
	return out
}

// asGBKDropped is asGBK by a tool that drops what it cannot decode: a
// closing mark before a space or punctuation then loses its last byte with
// no trace, leaving "鈥" alone.
func asGBKDropped(s string) string {
	return strings.ReplaceAll(asGBK(s, false), "\uFFFD", "")
}

// asGBKLostClosing is asGBKDropped where every closing mark (’ and ”) lost
// its last byte before decoding, apostrophes inside words included, so each
// is a lone "鈥" while the opening marks come through whole.
func asGBKLostClosing(s string) string {
	s = strings.NewReplacer("’", "\xe2\x80", "”", "\xe2\x80").Replace(s)
	return asGBKDropped(s)
}

func TestRepair(t *testing.T) {
	tests := []struct {
		name, in, want string
		kinds          []FixKind
		warn           bool
	}{
		{"cp1252 apostrophe", "the childâ€™s notes", "the child’s notes", []FixKind{FixCP1252}, false},
		{"cp1252 quotes and dash", "â€œyesâ€\u009d â€“ no", "“yes” – no", []FixKind{FixCP1252, FixCP1252, FixCP1252}, false},
		{"latin-1 C1 controls", "caf\u00c3\u00a9 \u00e2\u0080\u0099", "café ’", []FixKind{FixCP1252, FixCP1252}, false},
		{"pound and nbsp", "costs Â£5", "costs £5", []FixKind{FixCP1252}, false},
		{"nbsp turned space", "see toÂ the", "see to the", []FixKind{FixCP1252}, false},
		{"double mojibake", "Ã¢â‚¬â„¢", "’", []FixKind{FixCP1252, FixCP1252, FixCP1252, FixCP1252}, false},
		{"gbk apostrophe s", "child鈥檚 notes", "child’s notes", []FixKind{FixGBK}, false},
		{"gbk latin letter in a word", "caf茅", "café", []FixKind{FixGBK}, false},
		{"gbk nbsp", "end.聽", "end.\u00a0", []FixKind{FixGBK}, false},
		{"gbk closing quote lost", "鈥渨ait鈥?", "“wait”", []FixKind{FixGBK, FixLostByte}, false},
		{"gbk spaced dash lost, warned", "yes 鈥\uFFFD no", "yes – no", []FixKind{FixLostByte}, true},
		{"gbk bullet lost", "  鈥\uFFFD item", "  • item", []FixKind{FixLostByte}, false},
		{"gbk ambiguous kept", "parents鈥\uFFFD rights", "parents鈥\uFFFD rights", nil, true},
		{"cp1252 lost 9D", "â€œhelloâ€\uFFFD.", "“hello”.", []FixKind{FixCP1252, FixLostByte}, false},
		{"cp1252 byte dropped", "â€œhelloâ€ there", "“hello” there", []FixKind{FixCP1252, FixLostByte}, false},
		{"clean ascii", "Plain text, 100% ASCII.", "Plain text, 100% ASCII.", nil, false},
		{"clean curly", "It’s “fine” – really…", "It’s “fine” – really…", nil, false},
		{"real Chinese", "中文资料 and 我聽你 and 茅 alone", "中文资料 and 我聽你 and 茅 alone", nil, false},
		{"portuguese SÃO", "SÃO PAULO and São Tomé", "SÃO PAULO and São Tomé", nil, false},
		{"welsh", "Gwasanaeth Iechyd ŵyr ŷd", "Gwasanaeth Iechyd ŵyr ŷd", nil, false},
		{"invalid utf-8", "bad \xff byte", "bad \uFFFD byte", nil, true},
		{"gbk mojibake of Chinese kept and warned", "涓\uFFFD枃 is Chinese", "涓\uFFFD枃 is Chinese", nil, true},
		{"emoji untouched", "Well done 🎉 and 你好", "Well done 🎉 and 你好", nil, false},
		{"cp1252 soft hyphen is í", "Ã\u00ad", "í", []FixKind{FixCP1252}, false},
		{"cp1252 lost between letters kept", "wellâ€known", "wellâ€known", nil, true},
		{"gbk unmarked closing quote after a repaired opening one", "鈥渨ait鈥 now", "“wait” now", []FixKind{FixGBK, FixUnmarked}, false},
		{"gbk unmarked closing quote before a comma", "say 鈥渘o鈥, then", "say “no”, then", []FixKind{FixGBK, FixUnmarked}, false},
		{"gbk unmarked apostrophe between letters", "the child鈥s notes", "the child’s notes", []FixKind{FixUnmarked}, false},
		{"gbk unmarked single quote", "called 鈥榮tandard鈥 care", "called ‘standard’ care", []FixKind{FixGBK, FixUnmarked}, false},
		{"gbk unmarked, nothing open, kept", "parents鈥 rights", "parents鈥 rights", nil, true},
		{"gbk unmarked, both open, kept", "鈥淪he said 鈥榥o鈥 then", "“She said ‘no鈥 then", []FixKind{FixGBK, FixGBK}, true},
		{"gbk unmarked after a space, kept", "a 鈥 b", "a 鈥 b", nil, true},
		{"real hanzi 鈥 among Chinese untouched", "铜鈥器 and 中文", "铜鈥器 and 中文", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, fixes, warns := Repair(tt.in)
			if got != tt.want {
				t.Errorf("Repair(%q) = %q, want %q", tt.in, got, tt.want)
			}
			var kinds []FixKind
			for _, f := range fixes {
				kinds = append(kinds, f.Kind)
				if f.Line != 1 {
					t.Errorf("fix %v on line %d, want 1", f, f.Line)
				}
			}
			if strings.Join(kindStrings(kinds), ",") != strings.Join(kindStrings(tt.kinds), ",") {
				t.Errorf("fix kinds %v, want %v", kinds, tt.kinds)
			}
			if (len(warns) > 0) != tt.warn {
				t.Errorf("warnings %v, want some: %v", warns, tt.warn)
			}
		})
	}
}

func kindStrings(ks []FixKind) []string {
	var out []string
	for _, k := range ks {
		out = append(out, string(k))
	}
	return out
}

// The mojibake fixtures are made from guidance-clean.txt by the functions
// above, so they are real round trips, not hand-typed imitations. -update
// writes them; otherwise the files must match what the code makes.
func TestMojibakeFixtures(t *testing.T) {
	clean, err := os.ReadFile(filepath.Join("testdata", "guidance-clean.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(clean), "\n")
	half := len(lines) / 2
	lost := asCP1252Lossy(strings.Join(lines[:half], ""), true) + asGBK(strings.Join(lines[half:], ""), true)
	want := map[string]string{
		"guidance-cp1252.txt":   asCP1252(string(clean)),
		"guidance-gbk.txt":      asGBK(string(clean), false),
		"guidance-lostbyte.txt": lost,
	}
	quotes, err := os.ReadFile(filepath.Join("testdata", "quotes-clean.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want["quotes-gbk-dropped.txt"] = asGBKDropped(string(quotes))
	want["quotes-gbk-allclosing.txt"] = asGBKLostClosing(string(quotes))
	// A mirror's copy: its own name first, in its own script, then the page.
	want["quotes-mirror.txt"] = mirrorName + "\n\n" + asGBKDropped(string(quotes))
	for name, content := range want {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to make it)", err)
		}
		if string(got) != content {
			t.Errorf("%s is not the mojibake of guidance-clean.txt; run go test -update", path)
		}
	}
}

// mirrorName heads the mirror fixture: a made-up archive's name in Chinese
// ("guidance archive mirror"), as a mirror puts above every page it copies.
const mirrorName = "指南资料镜像站"

// Repairing a lossless round trip gives the clean text back exactly.
func TestRepairRoundTrip(t *testing.T) {
	clean, err := os.ReadFile(filepath.Join("testdata", "guidance-clean.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, fixes, warns := Repair(asCP1252(string(clean)))
	if got != string(clean) {
		t.Errorf("cp1252 round trip differs:\n%s", firstDiff(got, string(clean)))
	}
	if len(fixes) == 0 || len(warns) > 0 {
		t.Errorf("cp1252: %d fixes, warnings %v", len(fixes), warns)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "got:  " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ"
}

func FuzzRepair(f *testing.F) {
	for _, s := range []string{"", "plain", "childâ€™s", "child鈥檚", "鈥?", "â€", "SÃO", "中文", "Ã¢â‚¬â„¢", "\xff\xfe", "  鈥\uFFFD x", "child鈥s", "鈥渨ait鈥 now", "鈥榦k鈥"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, fixes, _ := Repair(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Repair(%q) = %q: not valid UTF-8", s, out)
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("Repair(%q) changed the number of lines", s)
		}
		if utf8.ValidString(s) && !suspect(s) && (out != s || len(fixes) > 0) {
			t.Fatalf("clean input changed: %q → %q", s, out)
		}
		// Idempotent on its own output once nothing is left to repair.
		if again, fx, _ := Repair(out); len(fixes) == 0 && (again != out || len(fx) > 0) {
			t.Fatalf("second repair changed %q → %q", out, again)
		}
	})
}

// suspect: s has a character mojibake is made of (Latin-1 and Windows-1252
// characters, CJK, U+FFFD). Text without any is clean and must come
// through unchanged.
func suspect(s string) bool {
	for _, r := range s {
		if _, ok := cp1252Byte[r]; ok || r >= 0x2E80 {
			return true
		}
	}
	return false
}

// A fuzz property over real mojibake: any text made of ASCII and the
// punctuation and letters guidance pages use survives the cp1252 round
// trip, and the GBK one whenever no byte was lost.
func FuzzRepairRoundTrip(f *testing.F) {
	f.Add([]byte("child's \"notes\" - a cafe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		alphabet := []rune("abc XYZ.,'’‘“”–—…•é£ï\u00a0s")
		var b strings.Builder
		for _, c := range data {
			b.WriteRune(alphabet[int(c)%len(alphabet)])
		}
		s := b.String()
		if got, _, _ := Repair(asCP1252(s)); got != s {
			t.Fatalf("cp1252 round trip of %q gave %q", s, got)
		}
		// GBK: accented letters are only repaired inside a word (a lone
		// hanzi may be real), so the property holds for text where each is
		// next to an ASCII letter.
		if regexp.MustCompile(`(^|[^a-zXYZs])[éï]([^a-zXYZs]|$)`).MatchString(s) {
			return
		}
		g := asGBK(s, false)
		if !strings.ContainsRune(g, utf8.RuneError) {
			if got, _, _ := Repair(g); got != s {
				t.Fatalf("gbk round trip of %q (%q) gave %q", s, g, got)
			}
		}
	})
}

// Repair is linear in the length of a line, even one made of nothing but
// broken sequences (an earlier version was quadratic there; the fuzzer
// found it).
func BenchmarkRepairBrokenLine(b *testing.B) {
	line := strings.Repeat("â€", 20000) + strings.Repeat("鈥?", 20000) + strings.Repeat("中文资料", 5000) + strings.Repeat("鈥欌€", 5000)
	for b.Loop() {
		Repair(line)
	}
}
