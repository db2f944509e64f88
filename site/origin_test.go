package site

import (
	"strings"
	"testing"
)

// TestCheckLintsFileNamesWithAt lints a working-tree file whose name
// holds "@", which once marked revisions read from git history.
func TestCheckLintsFileNamesWithAt(t *testing.T) {
	_, got := runCheck(t, map[string]string{
		"content/me@work.md": "---\ntitle: Me at work\nlast_revised: 2026-01-01\n---\n\n#### Too deep\n",
	}, nil)
	for _, want := range []string{
		"content/me@work.md:1: warning: policy has no description",
		"content/me@work.md:6: warning: heading level skips from h1 to h4",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("check reported:\n%s\nwant %s", got, want)
		}
	}
}
