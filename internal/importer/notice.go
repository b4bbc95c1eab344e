package importer

import "fmt"

// A Notice is one thing the importer wants a person to look at, tied to a
// line of the input so they can find it. Line 0 means "the whole file".
type Notice struct {
	Line int
	Msg  string
}

func (n Notice) format(path string) string {
	if n.Line <= 0 {
		return fmt.Sprintf("%s: %s", path, n.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", path, n.Line, n.Msg)
}

// notes collects notices; a tiny type so parsers can share the helper.
type notes []Notice

func (ns *notes) add(line int, format string, args ...any) {
	*ns = append(*ns, Notice{Line: line, Msg: fmt.Sprintf(format, args...)})
}
