package devserver

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/clause-dev/clause/site/internal/diag"
)

// problemsPath is the endpoint the overlay reads problems from.
const problemsPath = "/_clause/problems"

// Problem is one build problem shown in the browser overlay: a
// diag.Diagnostic with a few source lines around its Line.
type Problem struct {
	diag.Diagnostic
	Source []SourceLine
}

// overlayProblem is a Problem as the overlay's script reads it.
type overlayProblem struct {
	Path   string       `json:"path"`             // source file, as the writer knows it
	Line   int          `json:"line,omitempty"`   // 1-based; 0 when unknown
	Col    int          `json:"col,omitempty"`    // 1-based byte column; 0 when unknown
	Msg    string       `json:"msg"`              // what went wrong
	Hint   string       `json:"hint,omitempty"`   // how to fix it
	Source []SourceLine `json:"source,omitempty"` // a few lines around Line
}

// MarshalJSON writes p in the overlay's format.
func (p Problem) MarshalJSON() ([]byte, error) {
	return json.Marshal(overlayProblem{Path: p.Path, Line: p.Line, Col: p.Col, Msg: p.Msg, Hint: p.Hint, Source: p.Source})
}

// UnmarshalJSON reads p from the overlay's format.
func (p *Problem) UnmarshalJSON(data []byte) error {
	var o overlayProblem
	if err := json.Unmarshal(data, &o); err != nil {
		return err
	}
	*p = Problem{Diagnostic: diag.Diagnostic{Path: o.Path, Line: o.Line, Col: o.Col, Msg: o.Msg, Hint: o.Hint}, Source: o.Source}
	return nil
}

// SourceLine is one line of source shown with a Problem.
type SourceLine struct {
	N       int    `json:"n"`                 // 1-based line number
	Text    string `json:"text"`              // the line, without its newline
	Current bool   `json:"current,omitempty"` // the line the problem is on
}

// Excerpt returns the lines of src from line-radius to line+radius, with
// line marked as current. It returns nil when line is out of range.
func Excerpt(src []byte, line, radius int) []SourceLine {
	lines := bytes.Split(src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return nil
	}
	first, last := max(1, line-radius), min(len(lines), line+radius)
	out := make([]SourceLine, 0, last-first+1)
	for n := first; n <= last; n++ {
		text := string(bytes.TrimSuffix(lines[n-1], []byte("\r")))
		out = append(out, SourceLine{N: n, Text: text, Current: n == line})
	}
	return out
}

// serveProblems answers the problems of the latest build as a JSON array,
// empty when it succeeded.
func (s *Server) serveProblems(w http.ResponseWriter, r *http.Request) {
	problems := s.state.Load().problems
	if problems == nil {
		problems = []Problem{}
	}
	body, err := json.Marshal(problems)
	if err != nil {
		http.Error(w, "cannot encode problems", http.StatusInternalServerError)
		return
	}
	write(w, r, "application/json", http.StatusOK, body)
}
