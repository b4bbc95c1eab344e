package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's table of bad input from the test's cases")

const (
	readme      = "../../README.md"
	tableStart  = "<!-- bad input table: made by `go test ./cmd/esosite -run TestBadInputREADME -update` -->"
	tableFinish = "<!-- end of bad input table -->"
)

// badInputTable is the README's table, one row per case of TestBadInput.
func badInputTable() string {
	var b strings.Builder
	b.WriteString("| Mistake | File | Exit | First line of the message |\n|---|---|---|---|\n")
	for _, c := range badInputs {
		fmt.Fprintf(&b, "| %s | %s | %d | %s |\n", strings.ReplaceAll(c.kind, "|", `\|`), cell(c.file), c.code, cell(c.first))
	}
	return b.String()
}

// cell writes text as a code span a Markdown table can hold.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	fence := "`"
	if strings.Contains(s, "`") {
		fence = "``"
	}
	return fence + " " + s + " " + fence
}

// TestBadInputREADME keeps the README's error section the same as the cases
// TestBadInput runs, so every kind of mistake is listed with its message.
func TestBadInputREADME(t *testing.T) {
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i := strings.Index(text, tableStart)
	j := strings.Index(text, tableFinish)
	if i < 0 || j < i {
		t.Fatalf("README.md has no bad input table; put the lines\n%s\n%s\nin its error section and run with -update", tableStart, tableFinish)
	}
	want := text[:i+len(tableStart)] + "\n" + badInputTable() + text[j:]
	if want == text {
		return
	}
	if *update {
		if err := os.WriteFile(readme, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README.md's bad input table is out of date; run: go test ./cmd/esosite -run TestBadInputREADME -update")
}
