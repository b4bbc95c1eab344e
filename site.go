// Package esosite holds the built-in site: the Hugo configuration, content,
// layouts, UI strings, data and assets at the root of this module, embedded
// so that the esosite binary can build the site from an empty folder.
package esosite

import "embed"

// Files is the built-in site, laid out exactly as in the repository.
// The all: prefix keeps Hugo's underscore files (_index.md, _partials).
//
//go:embed hugo.toml all:content all:layouts all:i18n all:data all:assets
var Files embed.FS
