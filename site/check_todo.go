package site

import (
	"fmt"
	"regexp"
	"strings"
)

// todoLine is a line of text that starts with the word TODO, as every
// placeholder line `clause new` writes does ("TODO: what you collect,
// and where it comes from."). Only the line's start counts, so prose
// that mentions a to-do list, or TODO inside a sentence, is not flagged.
var todoLine = regexp.MustCompile(`^TODO\b`)

// placeholders warns about each line of a policy's text, outside code,
// that starts with TODO: placeholder text that would be published as it
// is. HTML comments are not published, and their lines start with "<!--";
// lines indented by four spaces or a tab may be code, and are skipped.
func (c *checker) placeholders(l *linted) {
	for i, line := range l.lines {
		if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") {
			continue // indented code, or text nested deep in a list: not a placeholder clause new writes
		}
		text := strings.TrimSpace(line)
		if !todoLine.MatchString(text) {
			continue
		}
		c.warn(l.Path, l.nums[i], strings.Index(line, "TODO")+1,
			fmt.Sprintf("placeholder text would be published: %q", shorten(text, 60)),
			"replace the line with the policy's own text, or delete it; clause new writes a TODO line for each section to fill in")
	}
}

// shorten cuts s to at most n runes, marking the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
