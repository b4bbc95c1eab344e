package check

import "go.yaml.in/yaml/v3"

// Unreadable lists (by Rel) the pages whose front matter cannot be read at
// all: none, not YAML, or not a mapping. FrontMatter reports each once; the
// other checks leave these pages out, so one mistake gives one message
// instead of a line per language about a translation the page cannot have.
func Unreadable(pages []Page) map[string]bool {
	out := map[string]bool{}
	for _, p := range pages {
		if !readable(p.Data) {
			out[p.Rel] = true
		}
	}
	return out
}

func readable(data []byte) bool {
	if invalidUTF8(data) > 0 {
		return false
	}
	body, _, ok := yamlBlock(data)
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil {
		return false
	}
	return len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode
}
