// Package clause holds the default theme of the clause privacy-center
// generator. The engine lives in package site; the command in cmd/clause.
package clause

import (
	"embed"
	"io/fs"
)

//go:embed layouts assets
var theme embed.FS

// Theme is the default theme: layouts/ (Go html/template files) and
// assets/ (CSS and JavaScript). A site's own layouts/ and assets/ override
// it file by file.
var Theme fs.FS = theme
