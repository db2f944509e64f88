package site

import (
	"bytes"
	"strings"

	"github.com/clause-dev/clause/site/markdown"
)

// registerVar is the variable a policy's Markdown writes, on a line of
// its own, where the subprocessor register's table goes:
// {{ site.subprocessors }}.
const registerVar = "subprocessors"

// registerFeedFile is the output path of the Atom feed of the register's
// changes (see writeRegisterFeed).
const registerFeedFile = "subprocessors.xml"

// registerDay is the day whose register a version shows: its effective
// date, else its last-revised date, else zero (the register as it stands).
func registerDay(v *Version) Date {
	if !v.Effective.IsZero() {
		return v.Effective
	}
	return v.LastRevised
}

// registerTable returns the Markdown that {{ site.subprocessors }} stands
// for in a version: a table of the entries in force on its day, so every
// version shows its own list and the redline shows the rows added and
// removed, followed by a link to the feed of the register's changes.
// Blank lines around it end the paragraph it may have been written in.
func (m *model) registerTable(v *Version) string {
	var b strings.Builder
	b.WriteString("\n\n")
	entries := m.in.register.inForce(registerDay(v))
	if len(entries) == 0 {
		b.WriteString("*No subprocessors.*\n")
	} else {
		b.WriteString("| Name | Purpose | Location | Personal data | Since |\n|---|---|---|---|---|\n")
		for _, s := range entries {
			b.WriteString("| " + markdown.EscapeAll(s.Name) + " | " + markdown.EscapeAll(s.Purpose) + " | " + markdown.EscapeAll(s.Location) +
				" | " + markdown.EscapeAll(strings.Join(s.Data, ", ")) + " | " + s.Since.ISO() + " |\n")
		}
	}
	b.WriteString("\n[Subscribe to changes to this list](" + m.in.cfg.basePath() + "/" + registerFeedFile + ") (Atom feed)\n\n")
	return b.String()
}

// writesRegister reports whether a body writes the register's variable.
func writesRegister(body []byte) bool {
	return bytes.Contains(body, []byte("site."+registerVar))
}

// registerPage returns the first policy whose current text shows the
// register, which the register's feed links to, or nil.
func (m *model) registerPage() *Page {
	for _, p := range m.policies {
		if p.src.register {
			return p
		}
	}
	return nil
}
