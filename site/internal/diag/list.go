package diag

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// List collects the problems of one build. It is safe for concurrent use,
// so parallel loaders and renderers can add to it. The zero List is empty
// and ready to use.
type List struct {
	mu      sync.Mutex
	items   []*Diagnostic
	errors  int               // how many items are errors
	demoted map[string]string // path → hint; see Demote
}

// Demote makes every error reported at path from now on a warning with the
// given hint. The build uses it for files read from git history, which
// nobody can fix.
func (l *List) Demote(path, hint string) {
	l.mu.Lock()
	if l.demoted == nil {
		l.demoted = map[string]string{}
	}
	l.demoted[path] = hint
	l.mu.Unlock()
}

// Add records a problem.
func (l *List) Add(d *Diagnostic) {
	l.mu.Lock()
	if hint, ok := l.demoted[d.Path]; ok && d.IsError() {
		d.Severity, d.Hint = Warning, hint
	}
	l.items = append(l.items, d)
	if d.IsError() {
		l.errors++
	}
	l.mu.Unlock()
}

// Errorf records an error at path:line.
func (l *List) Errorf(path string, line int, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
	l.Add(d)
	return d
}

// Warnf records a warning at path:line.
func (l *List) Warnf(path string, line int, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Path: path, Line: line, Severity: Warning, Msg: fmt.Sprintf(format, args...)}
	l.Add(d)
	return d
}

// ErrorCount returns how many errors (not warnings) have been added,
// duplicates included; it is cheap enough to call on every page.
func (l *List) ErrorCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.errors
}

// Sort orders the recorded problems by path, line, column and message and
// removes exact duplicates.
func (l *List) Sort() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.items = Sorted(l.items)
}

// Items returns the problems sorted by path, line, column and message,
// with exact duplicates removed.
func (l *List) Items() []*Diagnostic {
	l.mu.Lock()
	items := append([]*Diagnostic(nil), l.items...)
	l.mu.Unlock()
	return Sorted(items)
}

// Sorted sorts ds in place by path, line, column and message and returns
// it without exact duplicates.
func Sorted(ds []*Diagnostic) []*Diagnostic {
	sort.SliceStable(ds, func(i, j int) bool { return less(ds[i], ds[j]) })
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && *d == *ds[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

func less(a, b *Diagnostic) bool {
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
func (l *List) Errors() []*Diagnostic { return l.filter(Error) }

// Warnings returns only the warnings.
func (l *List) Warnings() []*Diagnostic { return l.filter(Warning) }

func (l *List) filter(s Severity) []*Diagnostic {
	var out []*Diagnostic
	for _, d := range l.Items() {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err returns a BuildError holding every error, or nil when there is none.
func (l *List) Err() error {
	if errs := l.Errors(); len(errs) > 0 {
		return &BuildError{Errors: errs}
	}
	return nil
}

// BuildError is returned by a build that found errors in its input.
type BuildError struct {
	Errors []*Diagnostic
}

// Error lists every problem, one per line.
func (b *BuildError) Error() string {
	lines := make([]string, len(b.Errors))
	for i, e := range b.Errors {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
