package site

import "github.com/clause-dev/clause/site/internal/diag"

// Error is one problem found in the site's input, located by file, line
// and byte column in the style of go/scanner: "path:line:col: message".
// It is the one diagnostic type of every clause package; see package diag.
type Error = diag.Diagnostic

// ErrorList collects the problems of one build; it is safe for concurrent
// use, so parallel loaders and renderers can add to it.
type ErrorList = diag.List

// BuildError is returned by a build that found errors in its input.
type BuildError = diag.BuildError

// Severity says whether a problem fails the build.
type Severity = diag.Severity

// The severities of a problem.
const (
	SeverityError   = diag.Error   // fails the build
	SeverityWarning = diag.Warning // reported, but the build goes on
	SeverityInfo    = diag.Info    // a note on what clause read
)

// historyHint is the hint of every problem found in git history.
const historyHint = "this is an old commit and cannot be changed; the build uses what it can read"

// archive marks a label such as content/privacy.md@1a2b3c4 as a file read
// from git history. Nobody can fix history, so every problem reported at
// that label from then on, while reading, rendering or linking it, is a
// warning with historyHint instead of an error.
func archive(l *ErrorList, label string) { l.Demote(label, historyHint) }
