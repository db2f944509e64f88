package site

import (
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/markdown"
)

// Subject is the announcement's headline, the e-mail's subject line.
func (a *Announcement) Subject() string {
	return fmt.Sprintf("Changes to our %s, effective %s", a.Policy, a.Effective.Human())
}

// lead is the announcement's first sentence.
func (a *Announcement) lead() string {
	if a.InForce {
		return fmt.Sprintf("We have updated our %s. The new version took effect on %s.", a.Policy, a.Effective.Human())
	}
	return fmt.Sprintf("We are updating our %s. The new version takes effect on %s; until then, the current version applies.", a.Policy, a.Effective.Human())
}

// sectionLines lists the changed sections as "Title (changed)".
func (a *Announcement) sectionLines() []string {
	out := make([]string, len(a.Sections))
	for i, s := range a.Sections {
		out[i] = fmt.Sprintf("%s (%s)", s.Title, s.Status)
	}
	return out
}

// Markdown returns the announcement as Markdown, for a blog post, a
// newsletter or an in-app message.
func (a *Announcement) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", markdown.EscapeText(a.Subject()), markdown.EscapeText(a.lead()))
	if a.Material {
		b.WriteString("\nThis is a material change: please read it carefully.\n")
	}
	if a.Summary != "" {
		fmt.Fprintf(&b, "\n**What changes:** %s\n", markdown.EscapeText(a.Summary))
	}
	writeMarkdownList(&b, "", a.Changes)
	writeMarkdownList(&b, "Sections that changed:", a.sectionLines())
	b.WriteString("\nRead more:\n\n")
	if a.RedlineURL != "" {
		fmt.Fprintf(&b, "- [See every change](%s)\n", a.RedlineURL)
	}
	fmt.Fprintf(&b, "- [Read the new version](%s)\n", a.NewURL)
	if !a.InForce {
		fmt.Fprintf(&b, "- [Read the current version](%s)\n", a.CurrentURL)
	}
	if a.Contact != "" {
		fmt.Fprintf(&b, "\nQuestions? Write to %s.\n", markdown.EscapeText(a.Contact))
	}
	return b.String()
}

// writeMarkdownList writes a list under an optional heading line.
func writeMarkdownList(b *strings.Builder, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	if heading != "" {
		fmt.Fprintf(b, "\n%s\n", heading)
	}
	b.WriteString("\n")
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", markdown.EscapeText(it))
	}
}

// Text returns the announcement as a plain-text e-mail: the subject line
// first ("Subject: …"), a blank line, then the body, its links written
// out in full.
func (a *Announcement) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Subject: %s\n\n%s\n", a.Subject(), a.lead())
	if a.Material {
		b.WriteString("\nThis is a material change: please read it carefully.\n")
	}
	if a.Summary != "" {
		fmt.Fprintf(&b, "\nWhat changes: %s\n", a.Summary)
	}
	writeTextList(&b, "", a.Changes)
	writeTextList(&b, "Sections that changed:", a.sectionLines())
	b.WriteString("\n")
	if a.RedlineURL != "" {
		fmt.Fprintf(&b, "See every change: %s\n", a.RedlineURL)
	}
	fmt.Fprintf(&b, "Read the new version: %s\n", a.NewURL)
	if !a.InForce {
		fmt.Fprintf(&b, "Read the current version: %s\n", a.CurrentURL)
	}
	if a.Contact != "" {
		fmt.Fprintf(&b, "\nQuestions? Write to %s.\n", a.Contact)
	}
	fmt.Fprintf(&b, "\n-- \n%s\n", a.Site)
	return b.String()
}

// writeTextList writes a plain-text list under an optional heading line.
func writeTextList(b *strings.Builder, heading string, items []string) {
	if len(items) == 0 {
		return
	}
	if heading != "" {
		fmt.Fprintf(b, "\n%s\n", heading)
	}
	b.WriteString("\n")
	for _, it := range items {
		fmt.Fprintf(b, "  * %s\n", it)
	}
}
