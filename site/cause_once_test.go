package site

import (
	"strings"
	"testing"
)

// TestBrokenFileReportedOnce checks that a file whose front matter or
// date cannot be read is reported once, at its cause: no "link to
// missing file" on the pages that link to it, no "policy has no date".
func TestBrokenFileReportedOnce(t *testing.T) {
	files := map[string]string{
		"content/broken.md":  "---\ntitle: [Broken\n---\n\nText.\n",
		"content/links.md":   page("See [the broken one](broken.md) and [a section](broken.md#scope).\n"),
		"content/dated.md":   "---\ntitle: Dated\ndescription: Dated.\neffective: 2026-13-45\n---\n\nText.\n",
		"content/typed.md":   "---\ntitle: Typed\ndescription: Typed.\n---\n\nLast updated: Smarch 45, 2026\n\nText.\n",
		"content/undated.md": "---\ntitle: Undated\ndescription: Undated.\n---\n\nText.\n",
	}
	_, got := runCheck(t, files, nil)
	want := []string{
		"content/broken.md:2: error: invalid YAML front matter: a value starts with [, so YAML reads a list, and the list is not closed",
		"content/dated.md:4: error: effective: cannot read date \"2026-13-45\": there is no month 13; months go from 01 to 12",
		"content/typed.md:6: warning: typed date \"Smarch 45, 2026\" cannot be read: it is not a date clause can read",
		"content/undated.md:1: warning: policy has no effective or last_revised date, so it shows no dates and the changelog and feeds leave it out",
	}
	if got != strings.Join(want, "\n") {
		t.Errorf("check reported:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	_, _, err := build(t, newSite(t, files), nil)
	if err == nil || strings.Contains(err.Error(), "missing file") || strings.Count(err.Error(), "\n\thint") != 2 {
		t.Errorf("build reported:\n%v\nwant the two errors above only", err)
	}
}
