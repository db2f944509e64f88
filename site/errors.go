package site

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Error is one problem found in the site's input, located by file and line
// in the style of go/scanner: "path:line:col: message".
type Error struct {
	Path    string // slash path relative to the source folder, e.g. content/privacy.md
	Line    int    // 1-based; 0 when the problem concerns the whole file
	Col     int    // 1-based byte column, as go/scanner counts; 0 when unknown
	Msg     string
	Hint    string // how to fix it, when that helps
	Warning bool   // a warning does not fail the build
	Info    bool   // a note on what clause read, such as a date taken from the text; never fails anything
}

// Error formats the problem as path:line:col: message, followed by the hint
// on its own indented line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Position())
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Warning || e.Info {
		b.WriteString(e.Severity() + ": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Position returns "path:line:col", leaving out the parts that are unknown.
func (e *Error) Position() string {
	s := e.Path
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
		if e.Col > 0 {
			s += fmt.Sprintf(":%d", e.Col)
		}
	}
	return s
}

// ErrorList collects the problems of one build. It is safe for concurrent
// use, so parallel loaders and renderers can add to it.
type ErrorList struct {
	mu       sync.Mutex
	items    []*Error
	errors   int             // how many items are not warnings
	archived map[string]bool // labels of files read from git history, see archive
}

// historyHint is the hint of every problem found in git history.
const historyHint = "this is an old commit and cannot be changed; the build uses what it can read"

// archive marks a label such as content/privacy.md@1a2b3c4 as a file read
// from git history. Nobody can fix history, so every problem reported at
// that label from then on, while reading, rendering or linking it, is a
// warning with historyHint instead of an error.
func (l *ErrorList) archive(label string) {
	l.mu.Lock()
	if l.archived == nil {
		l.archived = map[string]bool{}
	}
	l.archived[label] = true
	l.mu.Unlock()
}

// Add records a problem.
func (l *ErrorList) Add(e *Error) {
	l.mu.Lock()
	if e.Severity() == "error" && l.archived[e.Path] {
		e.Warning, e.Hint = true, historyHint
	}
	l.items = append(l.items, e)
	if e.Severity() == "error" {
		l.errors++
	}
	l.mu.Unlock()
}

// ErrorCount returns how many errors (not warnings) have been added,
// duplicates included; it is cheap enough to call on every page.
func (l *ErrorList) ErrorCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.errors
}

// Errorf records an error at path:line.
func (l *ErrorList) Errorf(path string, line int, format string, args ...any) *Error {
	e := &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
	l.Add(e)
	return e
}

// Warnf records a warning at path:line.
func (l *ErrorList) Warnf(path string, line int, format string, args ...any) *Error {
	e := &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true}
	l.Add(e)
	return e
}

// Items returns the problems sorted by path, line, column and message,
// with exact duplicates removed.
func (l *ErrorList) Items() []*Error {
	l.mu.Lock()
	items := append([]*Error(nil), l.items...)
	l.mu.Unlock()
	sort.SliceStable(items, func(i, j int) bool { return less(items[i], items[j]) })
	out := items[:0]
	for i, e := range items {
		if i > 0 && *e == *items[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

func less(a, b *Error) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return a.Msg < b.Msg
}

// Errors returns only the problems that fail the build.
func (l *ErrorList) Errors() []*Error { return l.filter("error") }

// Warnings returns only the warnings.
func (l *ErrorList) Warnings() []*Error { return l.filter("warning") }

func (l *ErrorList) filter(severity string) []*Error {
	var out []*Error
	for _, e := range l.Items() {
		if e.Severity() == severity {
			out = append(out, e)
		}
	}
	return out
}

// Err returns a BuildError holding every error, or nil when there is none.
func (l *ErrorList) Err() error {
	if errs := l.Errors(); len(errs) > 0 {
		return &BuildError{Errors: errs}
	}
	return nil
}

// BuildError is returned by a build that found errors in its input.
type BuildError struct {
	Errors []*Error
}

// Error lists every problem, one per line.
func (b *BuildError) Error() string {
	lines := make([]string, len(b.Errors))
	for i, e := range b.Errors {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
