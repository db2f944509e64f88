package site

import "fmt"

// keepVanished records, for the linter, the section ids of the previous
// version that the text of s (a policy's newest text) has lost without a
// successor. Only an editable text is kept; without texts it does
// nothing.
func (k *renderedTexts) keepVanished(s *Source, vanished []vanishedID) {
	if k == nil || len(vanished) == 0 || !editable(s) {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if t := k.bySource[s]; t != nil {
		t.Vanished = vanished
	}
}

// vanishedIDs warns about each section id that the previous version had
// and this text lost without a successor: links to #id, in consent
// records or on other sites, now open the top of the page. The warning
// is at the heading of the section that came before it, or at the start
// of the body when it was the first.
func (c *checker) vanishedIDs(s *linted) {
	for _, v := range s.Vanished {
		line := s.BodyLine
		for _, h := range s.Headings {
			if h.ID == v.After && v.After != "" {
				line = s.BodyLine + h.Line - 1
				break
			}
		}
		c.warn(s.Path, line, 0, fmt.Sprintf("section #%s (%q) of the previous version has no successor: links to it will open the top of the page", v.ID, v.Title),
			fmt.Sprintf("if a section took its place, give its heading the old id (## New title {#%s}); if its text moved into another section, give the paragraph that holds it the id with {: #%s} on the line after it", v.ID, v.ID))
	}
}
