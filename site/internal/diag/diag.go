// Package diag holds the one kind of positioned problem every part of
// clause reports, in the style of go/scanner's ErrorList.
//
// A Diagnostic is located by a slash path relative to the source folder, a
// 1-based line and a 1-based byte column (0 when unknown), and has a
// Severity: an Error fails the build, a Warning does not, and an Info is a
// note on what clause read. Its one text form is
//
//	path:line:col: [warning: |info: ]message
//		hint: how to fix it
//
// leaving out the position parts that are unknown. A List collects the
// Diagnostics of one build from many goroutines; its Items are sorted by
// path, line, column and message, with exact duplicates removed. Every
// output format (text, JSON, GitHub annotations, the dev server's overlay)
// is written from Diagnostics.
package diag

import (
	"fmt"
	"strings"
)

// Severity says whether a Diagnostic fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is reported but does not fail the build.
	Warning
	// Info is a note on what clause read, such as a date taken from the
	// text; it never fails anything.
	Info
)

// String returns "error", "warning" or "info".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "error"
}

// MarshalText writes the severity as its String, so JSON shows a word.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in the site's input.
type Diagnostic struct {
	Path     string   `json:"path"`     // slash path relative to the source folder, e.g. content/privacy.md
	Line     int      `json:"line"`     // 1-based; 0 when the problem concerns the whole file
	Col      int      `json:"col"`      // 1-based byte column, as go/scanner counts; 0 when unknown
	Severity Severity `json:"severity"` // Error unless set; "error", "warning" or "info" in JSON
	Msg      string   `json:"message"`
	Hint     string   `json:"hint"` // how to fix it, when that helps
}

// Error formats the problem as path:line:col: message, with "warning: "
// or "info: " before the message when it is not an error, followed by the
// hint on its own indented line.
func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Position())
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if d.Severity != Error {
		b.WriteString(d.Severity.String() + ": ")
	}
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// Position returns "path:line:col", leaving out the parts that are
// unknown; without a path it is "line:col", as in go/token.
func (d *Diagnostic) Position() string {
	s := d.Path
	if d.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d", d.Line)
		if d.Col > 0 {
			s += fmt.Sprintf(":%d", d.Col)
		}
	}
	return s
}

// IsError reports whether d fails the build.
func (d *Diagnostic) IsError() bool { return d.Severity == Error }
