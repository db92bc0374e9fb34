// Package request is the front-end of request files: YAML or JSON files
// that hold CreateApi/CreateService requests as documented, one per YAML
// document or JSON array element. It is the fallback of the registry: a
// file that no other front-end claims is read as request files.
package request

import (
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// Frontend reads request files.
var Frontend = &frontend.Frontend{
	Name:  "request",
	Match: func(string, []byte) bool { return true },
	Load:  load,
}

func load(path string, data []byte, each func(*frontend.Definition)) *source.File {
	// One Definition serves every document: each does not keep it (see
	// frontend.Frontend.Load), and a file may hold thousands.
	var def frontend.Definition
	return source.LoadEach(path, data, source.DefaultOptions, func(doc *source.Document) {
		op, d := schema.DetectIn(doc.Root, path, doc.Index, doc.File)
		def = frontend.Definition{Op: op, Root: doc.Root, Doc: doc.Index, Problem: d, File: doc.File}
		each(&def)
	})
}
