// Package translation owns the state of every translation: which pages each
// language has, whether each is a draft or reviewed, which are stale because
// the English page changed since (sourceHash), and whether each language's
// UI strings have every English key with the right CLDR plural forms.
package translation

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/esosite/esosite/internal/check"
)

// SourceHash identifies the English page a translation was made from: the
// first 16 hex digits of the SHA-256 of the English file.
func SourceHash(english []byte) string {
	sum := sha256.Sum256(english)
	return hex.EncodeToString(sum[:])[:16]
}

// Language is one language's line in the report.
type Language struct {
	Lang            string
	Published       bool
	Pages, Of       int // translated pages present, of the English pages to translate
	Draft, Reviewed int
	Missing, Stale  []string // English-relative paths
	Keys, KeysOf    int
	MissingKeys     []string
	Walkthrough     string // the walkthrough's words: draft, reviewed, stale, or "" if absent
}

// meta is the part of a page's front matter this package reads.
type meta struct {
	Translate   *bool `yaml:"translate"`
	Translation struct {
		Status     string `yaml:"status"`
		SourceHash string `yaml:"sourceHash"`
		ReviewedOn string `yaml:"reviewedOn"`
	} `yaml:"translation"`
}

func readMeta(data []byte) (meta, int) {
	var m meta
	s := strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\r\n", "\n")
	if !strings.HasPrefix(s, "---\n") {
		return m, 0
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return m, 0
	}
	yaml.Unmarshal([]byte(s[4:4+end]), &m) // front matter errors are check.FrontMatter's to report
	line := 0
	for i, l := range strings.Split(s[4:4+end], "\n") {
		if strings.HasPrefix(l, "translation:") {
			line = i + 2
		}
	}
	return m, line
}

// Pages reports each language's pages against English. langs are all the
// site's languages except English; published says which must be complete.
func Pages(pages []check.Page, langs []string, published map[string]bool) ([]Language, check.Problems) {
	english := map[string]check.Page{} // by path below content/en/
	byLang := map[string]map[string]check.Page{}
	for _, p := range pages {
		parts := strings.SplitN(p.Rel, "/", 3)
		if len(parts) != 3 || parts[0] != "content" {
			continue
		}
		if parts[1] == "en" {
			if m, _ := readMeta(p.Data); m.Translate == nil || *m.Translate {
				english[parts[2]] = p
			}
			continue
		}
		if byLang[parts[1]] == nil {
			byLang[parts[1]] = map[string]check.Page{}
		}
		byLang[parts[1]][parts[2]] = p
	}
	var ps check.Problems
	var report []Language
	for _, lang := range langs {
		l := Language{Lang: lang, Published: published[lang], Of: len(english)}
		for rel, en := range english {
			tr, ok := byLang[lang][rel]
			if !ok {
				l.Missing = append(l.Missing, rel)
				if l.Published {
					ps = append(ps, check.Problem{Path: path.Join("content", lang, rel), Message: fmt.Sprintf("missing: %s is published but has no translation of content/en/%s; translate it (status draft), mark the English page `translate: false` if it is only for English readers, or leave %s out of the published languages", lang, rel, lang)})
				}
				continue
			}
			l.Pages++
			m, line := readMeta(tr.Data)
			switch m.Translation.Status {
			case "reviewed":
				l.Reviewed++
			case "draft":
				l.Draft++
			default:
				ps = append(ps, check.Problem{Path: tr.Path, Line: max(line, 1), Message: "a translation needs `translation: {status: draft, sourceHash: ...}` in its front matter; only a qualified translator's review may change draft to reviewed"})
			}
			if m.Translation.SourceHash != SourceHash(en.Data) {
				l.Stale = append(l.Stale, rel)
			}
		}
		sort.Strings(l.Missing)
		sort.Strings(l.Stale)
		report = append(report, l)
	}
	return report, ps
}
