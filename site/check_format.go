package site

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
)

// The output formats of WriteProblems.
const (
	FormatText   = "text"   // path:line: error|warning|info: message, then "\thint: …" when there is one
	FormatJSON   = "json"   // an array of {path, line, col, severity, message, hint}
	FormatGitHub = "github" // GitHub Actions workflow commands: ::error file=…,line=…::message
)

// Formats lists the output formats WriteProblems accepts.
var Formats = []string{FormatText, FormatJSON, FormatGitHub}

// ghCommand returns the GitHub workflow command for a problem's severity.
func ghCommand(e *Error) string {
	if e.Severity == SeverityInfo {
		return "notice"
	}
	return e.Severity.String()
}

// WriteProblems writes problems in one of Formats. In the github format,
// paths are joined to root, so that annotations point at files of the
// repository when the site lives in a sub-folder of it.
func WriteProblems(w io.Writer, problems []*Error, format, root string) error {
	switch format {
	case FormatText, "":
		return writeText(w, problems)
	case FormatJSON:
		return writeJSON(w, problems)
	case FormatGitHub:
		return writeGitHub(w, problems, root)
	}
	return fmt.Errorf("unknown format %q: use %s", format, strings.Join(Formats, ", "))
}

// writeText writes one problem per line, path:line:col: severity:
// message, with its hint under it as clause build prints one: on a line
// of its own that starts with a tab and "hint: ". A hint of several lines
// keeps every line indented, so each problem stays one unindented line
// followed by indented ones.
func writeText(w io.Writer, problems []*Error) error {
	for _, e := range problems {
		pos := e.Position()
		if pos == "" {
			pos = "clause"
		}
		line := fmt.Sprintf("%s: %s: %s\n", pos, e.Severity, oneLine(e.Msg))
		if e.Hint != "" {
			line += "\thint: " + strings.ReplaceAll(e.Hint, "\n", "\n\t") + "\n"
		}
		if _, err := io.WriteString(w, line); err != nil {
			return err
		}
	}
	return nil
}

// writeJSON writes an indented array of Diagnostics in their JSON form,
// empty when there are no problems.
func writeJSON(w io.Writer, problems []*Error) error {
	out := problems
	if out == nil {
		out = []*Error{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeGitHub writes one workflow command per problem, with the hint on
// the annotation's second line.
func writeGitHub(w io.Writer, problems []*Error, root string) error {
	for _, e := range problems {
		props := []string{"file=" + ghProperty(joinRoot(root, e.Path))}
		if e.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", e.Line))
			if e.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", e.Col))
			}
		}
		props = append(props, "title=clause check")
		msg := e.Msg
		if e.Hint != "" {
			msg += "\nhint: " + e.Hint
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", ghCommand(e), strings.Join(props, ","), ghData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// joinRoot places a site path inside the repository folder root.
func joinRoot(root, p string) string {
	root = strings.ReplaceAll(root, `\`, "/")
	if root == "" || root == "." || p == "" {
		return p
	}
	return path.Join(root, p)
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// oneLine keeps a message on one line.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
