package importer

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// FixKind names how a broken character was repaired.
type FixKind string

// The kinds of repair, as the summary counts them.
const (
	// FixCP1252 undoes UTF-8 that was read as Windows-1252 or Latin-1 and
	// saved again ("â€™" for ’).
	FixCP1252 FixKind = "cp1252"
	// FixGBK undoes UTF-8 that was read as GBK/GB18030 and saved again
	// ("鈥檚" for ’s).
	FixGBK FixKind = "gbk"
	// FixLostByte repairs such a sequence that also lost its last byte,
	// where the surrounding text leaves only one sensible character.
	FixLostByte FixKind = "lost-byte"
	// FixUnmarked repairs a lone "鈥" whose lost byte left no mark at all
	// (the tool that saved the page dropped what it could not decode): a
	// closing quote or apostrophe, judged from the quotes open before it
	// and the letters on each side.
	FixUnmarked FixKind = "lost-byte-unmarked"
)

// fixKinds are the kinds in the order the summary lists them.
var fixKinds = []FixKind{FixCP1252, FixGBK, FixLostByte, FixUnmarked}

// A Fix is one repaired sequence.
type Fix struct {
	Line     int
	Kind     FixKind
	From, To string
}

// Repair finds text whose UTF-8 bytes were decoded in the wrong encoding and
// saved again (mojibake) and restores the original characters. It is
// conservative: a sequence is only changed when its bytes decode to a
// plausible punctuation mark or Latin letter, so clean text (including real
// Chinese, or "SÃO" in a Portuguese name) comes through unchanged. What looks
// broken but cannot be repaired safely is kept and returned as a warning.
// The output is always valid UTF-8; invalid input bytes become U+FFFD and are
// warned about, as a lost character would be.
func Repair(s string) (string, []Fix, []Notice) {
	var fixes []Fix
	var warns notes
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		n := i + 1
		if !utf8.ValidString(line) {
			line = strings.ToValidUTF8(line, "\uFFFD")
		}
		// Text that was mangled twice ("Ã¢â‚¬â„¢") needs the cp1252 step
		// twice; three passes cover anything seen in practice and bound
		// the work.
		for pass := 0; pass < 3; pass++ {
			var changed bool
			line, changed = repairCP1252(line, n, &fixes)
			if !changed {
				break
			}
		}
		line = nbspSpaceFix(line, n, &fixes)
		line = repairGBK(line, n, &fixes)
		line = repairLostByte(line, n, &fixes, &warns)
		warnLeftovers(line, n, &warns)
		lines[i] = line
	}
	return strings.Join(lines, "\n"), fixes, warns
}

// cp1252Byte maps a rune back to the single byte it came from when bytes
// were decoded as Windows-1252, or as Latin-1 (which gives C1 controls for
// 0x80-0x9F, including the five bytes Windows-1252 leaves undefined).
var cp1252Byte = func() map[rune]byte {
	m := make(map[rune]byte, 160)
	dec := charmap.Windows1252.NewDecoder()
	for b := 0x80; b <= 0xFF; b++ {
		m[rune(b)] = byte(b)
		out, err := dec.Bytes([]byte{byte(b)})
		if err != nil {
			continue
		}
		if r, _ := utf8.DecodeRune(out); r != utf8.RuneError {
			m[r] = byte(b)
		}
	}
	return m
}()

// utf8Len is the length of a UTF-8 sequence from its lead byte, or 0 for a
// byte that cannot start a multi-byte sequence.
func utf8Len(b byte) int {
	switch {
	case b >= 0xC2 && b <= 0xDF:
		return 2
	case b >= 0xE0 && b <= 0xEF:
		return 3
	case b >= 0xF0 && b <= 0xF4:
		return 4
	}
	return 0
}

func isCont(b byte) bool { return b >= 0x80 && b <= 0xBF }

// plausible reports whether r is a character a guidance page in a Latin
// script would contain, which is what mojibake of such a page decodes to.
// Letters of other scripts are left out on purpose: accepting them would
// "repair" real text in those scripts into nonsense.
func plausible(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0x17F: // Latin-1 symbols and letters, Latin Extended-A
		return true
	case r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional (Welsh ẁ, ẃ)
		return true
	case r >= 0x2010 && r <= 0x205E: // dashes, quotes, bullets, ellipsis
		return true
	case r == 0x2002 || r == 0x2003 || r == 0x2009 || r == 0x200A: // spaces
		return true
	case r >= 0x20A0 && r <= 0x20CF: // currency (€)
		return true
	case r == 0x2122 || r == 0x2116 || r == 0x2212 || r == 0x2192: // ™ № − →
		return true
	case r == 0x25CF || r == 0x25AA || r == 0x25E6: // ● ▪ ◦ bullets
		return true
	}
	return false
}

// repairCP1252 replaces each complete Windows-1252/Latin-1 mojibake sequence
// in line. A sequence is a lead byte character (Â-ô) followed by exactly the
// continuation characters its UTF-8 form needs.
func repairCP1252(line string, n int, fixes *[]Fix) (string, bool) {
	if isASCII(line) {
		return line, false
	}
	rs := []rune(line)
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); i++ {
		lead, ok := cp1252Byte[rs[i]]
		size := utf8Len(lead)
		if !ok || size == 0 || i+size > len(rs) {
			b.WriteRune(rs[i])
			continue
		}
		buf := []byte{lead}
		for j := 1; j < size; j++ {
			c, ok := cp1252Byte[rs[i+j]]
			if !ok || !isCont(c) {
				break
			}
			buf = append(buf, c)
		}
		r, w := utf8.DecodeRune(buf)
		if len(buf) != size || w != size || r == utf8.RuneError || !plausible(r) {
			b.WriteRune(rs[i])
			continue
		}
		// Two-byte Latin letters beyond Latin-1 (lead Ä, Å) are rare in
		// mojibake and common in real text next to symbols; only accept
		// leads Â and Ã, which give Latin-1, plus Ä/Å when the result is
		// a letter.
		if size == 2 && lead > 0xC3 && !unicode.IsLetter(r) {
			b.WriteRune(rs[i])
			continue
		}
		from := string(rs[i : i+size])
		*fixes = append(*fixes, Fix{Line: n, Kind: FixCP1252, From: from, To: string(r)})
		b.WriteRune(r)
		i += size - 1
		changed = true
	}
	if !changed {
		return line, false
	}
	return b.String(), true
}

// nbspSpaceFix handles "Â" before a plain space: a non-breaking space
// (C2 A0) read as Windows-1252 is "Â" plus U+00A0, and many editors then turn
// U+00A0 into a space. A capital Â after a lower-case letter, a space or
// punctuation, before a space, is not part of any real word (Romanian and
// Portuguese use â only inside words), so the Â is the debris and goes.
func nbspSpaceFix(line string, n int, fixes *[]Fix) string {
	if !strings.Contains(line, "Â ") && !strings.HasSuffix(line, "Â") {
		return line
	}
	rs := []rune(line)
	var b strings.Builder
	for i, r := range rs {
		if r == 'Â' && (i+1 == len(rs) || rs[i+1] == ' ') && (i == 0 || !unicode.IsUpper(rs[i-1])) {
			*fixes = append(*fixes, Fix{Line: n, Kind: FixCP1252, From: "Â ", To: " "})
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var gbkCache sync.Map // rune → []byte (nil when GBK has no two-byte code)

// gbkBytes is the two-byte GBK/GB18030 code of r, or nil.
func gbkBytes(r rune) []byte {
	if v, ok := gbkCache.Load(r); ok {
		return v.([]byte)
	}
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(out) != 2 || out[0] < 0x81 {
		out = nil
	}
	gbkCache.Store(r, out)
	return out
}

// maxGBKRun bounds how far one repair reaches: each broken character is
// two or three hanzi, so a longer run is repaired a piece at a time, and
// the work stays linear in the line's length.
const maxGBKRun = 24

// gbkRunStart reports whether r can start GBK mojibake: a CJK character
// whose GBK code starts with a byte that starts a UTF-8 sequence (C2-F4).
// Ordinary punctuation and Latin letters, which also have GBK codes, never
// start one.
func gbkRunStart(r rune) bool {
	if !isCJK(r) {
		return false
	}
	b := gbkBytes(r)
	return b != nil && utf8Len(b[0]) > 0
}

// gbkRunCont reports whether r can go on a run: its GBK code starts with a
// UTF-8 continuation byte (80-BF; Greek and other symbol rows included), or
// it starts a new sequence itself. GBK decodes a lone 0x80 as "€".
func gbkRunCont(r rune) bool {
	if r == '€' {
		return true
	}
	if r < 0x80 || r == utf8.RuneError {
		return false
	}
	b := gbkBytes(r)
	return b != nil && (isCont(b[0]) || (isCJK(r) && utf8Len(b[0]) > 0))
}

// repairGBK replaces GBK mojibake: from each possible start, the longest
// run of characters whose GBK bytes form valid UTF-8 of plausible
// characters. A run ending in "鈥" (E2 80, a sequence missing its last
// byte) has the rest repaired and the "鈥" left for repairLostByte.
func repairGBK(line string, n int, fixes *[]Fix) string {
	if isASCII(line) {
		return line
	}
	rs := []rune(line)
	var b strings.Builder
	changed := false
	runEnd := 0 // end of the last maximal run decoded whole
	for i := 0; i < len(rs); {
		if !gbkRunStart(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		// The whole run once (a long run of real CJK is neither scanned
		// nor decoded again from each character), then a bounded window
		// from each later start inside it.
		var w int
		if i >= runEnd {
			j := i + 1
			for j < len(rs) && gbkRunCont(rs[j]) {
				j++
			}
			w, runEnd = j-i, j
		} else {
			w = min(runEnd-i, maxGBKRun)
		}
		done := false
		cands := decodeGBKRun(rs[i : i+w])
		for k := len(cands) - 1; k >= 0 && !done; k-- {
			c := cands[k]
			if !latinRunNeedsWord(c.out, rs, i, i+c.used) {
				continue
			}
			*fixes = append(*fixes, Fix{Line: n, Kind: FixGBK, From: string(rs[i : i+c.used]), To: c.out})
			b.WriteString(c.out)
			i += c.used
			changed, done = true, true
		}
		if !done {
			b.WriteRune(rs[i])
			i++
		}
	}
	if !changed {
		return line
	}
	return b.String()
}

type gbkCandidate struct {
	out  string
	used int // runes of the run it covers
}

// decodeGBKRun turns run back into bytes and decodes them as UTF-8, in one
// pass. Each point where a complete character ends exactly where a rune of
// the run ends is a candidate repair of that many runes; decoding stops at
// the first invalid or implausible character. A final "鈥" whose bytes are
// an incomplete sequence is thus left out of the longest candidate, for the
// lost-byte step to judge with its context.
func decodeGBKRun(run []rune) []gbkCandidate {
	var buf []byte
	ends := make([]int, len(run)) // byte offset after each rune
	for k, r := range run {
		if r == '€' {
			buf = append(buf, 0x80)
		} else {
			buf = append(buf, gbkBytes(r)...)
		}
		ends[k] = len(buf)
	}
	var cands []gbkCandidate
	var out strings.Builder
	pos, k := 0, 0
	for pos < len(buf) {
		c := buf[pos]
		size := 1
		if c >= 0x80 {
			size = utf8Len(c)
			if size == 0 || pos+size > len(buf) {
				break
			}
			r, w := utf8.DecodeRune(buf[pos : pos+size])
			if r == utf8.RuneError || w != size || !plausible(r) {
				break
			}
			out.WriteRune(r)
		} else {
			out.WriteByte(c)
		}
		pos += size
		for k < len(ends) && ends[k] < pos {
			k++
		}
		if k < len(ends) && ends[k] == pos {
			cands = append(cands, gbkCandidate{out: out.String(), used: k + 1})
		}
	}
	return cands
}

// latinRunNeedsWord guards against real hanzi: a lone 茅 decodes to "é",
// so a run that decodes to Latin letters is accepted only when it is glued
// to a Latin letter ("caf茅" → "café"). Punctuation and spaces (from 鈥, or
// 聽 for a non-breaking space) are accepted unless the run sits among other
// CJK text, where it is more likely a real word.
func latinRunNeedsWord(out string, rs []rune, i, end int) bool {
	for _, r := range out {
		if r >= 0x2000 { // E2-led punctuation: 鈥 is no word in real text
			return true
		}
	}
	before, after := rune(-1), rune(-1)
	if i > 0 {
		before = rs[i-1]
	}
	if end < len(rs) {
		after = rs[end]
	}
	if isLatinLetter(before) || isLatinLetter(after) {
		return true
	}
	for _, r := range out {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return !isCJK(before) && !isCJK(after)
}

// isCJK: the scripts and symbols GBK mojibake is made of (CJK radicals to
// Yi, Hangul, compatibility ideographs and forms, full-width forms, and the
// supplementary ideographs).
func isCJK(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7AF, r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x20000 && r <= 0x3FFFF:
		return true
	}
	return false
}

func isLatinLetter(r rune) bool {
	return r >= 0 && r < 0x250 && unicode.IsLetter(r)
}

// cpPrefix is what is left of a three-byte punctuation mark (E2 80 xx)
// read as Windows-1252 when its last byte was lost. In GBK mojibake the
// prefix is a hanzi whose code is E2 xx, "鈥" for E2 80.
const cpPrefix = "â€"

// repairLostByte decides what an incomplete punctuation sequence stood for.
// Only the first two bytes (E2 80) survive, so the mark is one of U+2000 to
// U+203F; the text around it decides which, and when it does not, the
// sequence is kept and warned about.
func repairLostByte(line string, n int, fixes *[]Fix, warns *notes) string {
	if !strings.Contains(line, cpPrefix) && !strings.ContainsRune(line, utf8.RuneError) && !strings.Contains(line, "?") && !strings.Contains(line, gbkPrefix) {
		return line
	}
	rs := []rune(line)
	var out []rune
	var st lineState // kept as runes are written, so each guess is O(1)
	emit := func(r rune, next rune) {
		out = append(out, r)
		st.add(r, next)
	}
	for i := 0; i < len(rs); i++ {
		next1 := rune(-1)
		if i+1 < len(rs) {
			next1 = rs[i+1]
		}
		var kind string
		var size int
		var second byte // the prefix's second byte: 0x80 for U+2000-U+203F
		switch {
		case rs[i] == 'â' && next1 == '€':
			kind, size, second = "cp1252", 2, 0x80
		case isCJK(rs[i]):
			b := gbkBytes(rs[i])
			if len(b) != 2 || b[0] != 0xE2 || !isCont(b[1]) {
				emit(rs[i], next1)
				continue
			}
			kind, size, second = "gbk", 1, b[1]
		default:
			emit(rs[i], next1)
			continue
		}
		// The lost byte often left a mark: U+FFFD from the decoder, or
		// "?" from an encoder that could not write U+FFFD.
		lost := 0
		if k := i + size; k < len(rs) && (rs[k] == utf8.RuneError || (kind == "gbk" && rs[k] == '?')) {
			lost = 1
		}
		if kind == "gbk" && lost == 0 {
			// Without a mark, "鈥" may be a real (rare) hanzi: only one
			// alone among Latin text is judged, from its context.
			if second == 0x80 && aloneInLatin(rs, i) {
				from := string(rs[i])
				if r, ok := guessUnmarked(st, next1); ok {
					*fixes = append(*fixes, Fix{Line: n, Kind: FixUnmarked, From: from, To: string(r)})
					emit(r, next1)
					continue
				}
				warns.add(n, "cannot tell which mark %q stood for (its last byte was lost without a trace when the page was saved); kept as it was: fix it by hand", from)
			}
			emit(rs[i], next1)
			continue
		}
		end := i + size + lost
		next := rune(-1)
		if end < len(rs) {
			next = rs[end]
		}
		from := string(rs[i:end])
		r, ok := guessLost(kind, second, st, next, len(rs)-end)
		if !ok {
			warns.add(n, "cannot tell which character %q stood for (a byte was lost when the page was saved); kept as it was: fix it by hand", from)
			for k := i; k < end; k++ {
				emit(rs[k], -1)
			}
			i = end - 1
			continue
		}
		*fixes = append(*fixes, Fix{Line: n, Kind: FixLostByte, From: from, To: string(r)})
		if r == '–' {
			warns.add(n, "a dash lost a byte when the page was saved; written as – but it may have been —: check it against the original page")
		}
		emit(r, next)
		i = end - 1
	}
	return string(out)
}

// gbkPrefix is "鈥", the hanzi GBK makes of E2 80, the first two bytes of
// every quote mark, dash and bullet in UTF-8.
const gbkPrefix = "鈥"

// aloneInLatin: the rune at i has no CJK next to it and a Latin letter
// among the few runes on one side, so it is debris in Latin text, not part
// of real Chinese.
func aloneInLatin(rs []rune, i int) bool {
	if (i > 0 && isCJK(rs[i-1])) || (i+1 < len(rs) && isCJK(rs[i+1])) {
		return false
	}
	for _, k := range []int{i - 1, i - 2, i + 1, i + 2} {
		if k >= 0 && k < len(rs) && isLatinLetter(rs[k]) {
			return true
		}
	}
	return false
}

// guessUnmarked picks the mark a lone "鈥" stood for when nothing shows
// where its lost byte was. Only a closing mark loses its byte this way (an
// opening one is followed by a letter, with which GBK reads its last byte
// as a hanzi), so: a letter on each side is an apostrophe; after anything
// but a space, it closes the one kind of quote that is open. Anything else,
// two kinds open or none, stays uncertain.
func guessUnmarked(st lineState, next rune) (rune, bool) {
	prev := rune(-1)
	if st.init {
		prev = st.prev
	}
	switch {
	case isLatinLetter(prev) && isLatinLetter(next):
		return '’', true
	case prev == -1 || unicode.IsSpace(prev) || unicode.IsLetter(next) || unicode.IsDigit(next):
		return 0, false
	case st.double && !st.single:
		return '”', true
	case st.single && !st.double:
		return '’', true
	}
	return 0, false
}

// lineState is what guessLost needs to know about the text before a
// broken sequence.
type lineState struct {
	prev           rune // the last rune written, -1 at the start
	started        bool // a rune other than white space has been written
	double, single bool // a curly quote is open
	init           bool
}

func (st *lineState) add(r, next rune) {
	before := rune(-1)
	if st.init {
		before = st.prev
	}
	st.prev, st.init = r, true
	if !unicode.IsSpace(r) {
		st.started = true
	}
	switch r {
	case '“':
		st.double = true
	case '”':
		st.double = false
	case '‘':
		st.single = true
	case '’':
		// between letters it is an apostrophe, which closes nothing
		if !(unicode.IsLetter(before) && unicode.IsLetter(next)) {
			st.single = false
		}
	}
}

// guessLost picks the punctuation mark an E2 xx prefix stood for, from the
// state of the line before it, the next rune and how many runes follow.
func guessLost(kind string, second byte, st lineState, next rune, rest int) (rune, bool) {
	prev := rune(-1)
	if st.init {
		prev = st.prev
	}
	atStart := !st.started
	nextSpace := next == -1 || unicode.IsSpace(next)
	prevSpace := prev == -1 || unicode.IsSpace(prev)
	switch {
	case atStart && next == ' ' && rest > 1:
		// "  • item": a text copy's bullet. Whatever mark it was (•, ◦,
		// ▪), it marked a list item, and "•" does that.
		return '•', true
	case second != 0x80:
		return 0, false // not general punctuation: no rule to pick by
	case prevSpace && nextSpace && !atStart:
		return '–', true // a spaced dash, as UK style writes it; warned about
	}
	if kind == "cp1252" {
		// Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined,
		// so those are the bytes lost; of E2 80 81/8D/8F/90/9D only 9D (”)
		// is a visible mark, except 90 (‐) between two letters.
		if unicode.IsLetter(prev) && unicode.IsLetter(next) {
			return 0, false
		}
		return '”', true
	}
	// GBK: the lost byte was followed by a byte that cannot end a GBK
	// pair (space, punctuation, a digit, end of line), so the mark closes
	// something. Which one depends on what is open.
	if prevSpace {
		return 0, false
	}
	switch {
	case st.double && !st.single:
		return '”', true
	case st.single && !st.double:
		return '’', true
	}
	return 0, false
}

// warnLeftovers reports what still looks broken after repair, so nothing is
// silently passed on.
func warnLeftovers(line string, n int, warns *notes) {
	if isASCII(line) {
		return
	}
	rs := []rune(line)
	for i, r := range rs {
		// A U+FFFD right after 鈥 or â€ was already warned about by
		// repairLostByte; one warning per problem is enough.
		if r == utf8.RuneError && (i == 0 || !lostBytePrefix(rs[i-1])) {
			warns.add(n, "contains %q, a character lost when the page was saved; compare with the original page", "\uFFFD")
			break
		}
	}
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] != 'Ã' && rs[i] != 'Â' && rs[i] != 'â' {
			continue
		}
		if c, ok := cp1252Byte[rs[i+1]]; ok && isCont(c) {
			warns.add(n, "%q looks like a broken character (text decoded as Windows-1252) that could not be repaired; check it against the original page", string(rs[i:i+2]))
			break
		}
	}
}

// lostBytePrefix: r ends a prefix repairLostByte has judged (and warned
// about when it could not repair it), so a U+FFFD after it needs no second
// warning.
func lostBytePrefix(r rune) bool {
	if r == '€' {
		return true
	}
	b := gbkBytes(r)
	return isCJK(r) && len(b) == 2 && b[0] == 0xE2 && isCont(b[1])
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// String is how a repair reads in the summary.
func (f Fix) String() string {
	return fmt.Sprintf("%s %q → %q", f.Kind, f.From, f.To)
}
