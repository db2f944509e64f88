package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnnounceCommand checks clause announce's output in both formats
// against the site package's expected announcements, and its usage errors.
func TestAnnounceCommand(t *testing.T) {
	src := filepath.Join("..", "..", "site", "testdata", "sites", "notice-register")
	for format, golden := range map[string]string{"markdown": "notice-register.md", "text": "notice-register.txt"} {
		var stdout, stderr strings.Builder
		code := run([]string{"announce", "vendors", "--source", src, "--now", "2026-12-01", "--format", format}, &stdout, &stderr)
		want, err := os.ReadFile(filepath.Join("..", "..", "site", "testdata", "announce", golden))
		if err != nil {
			t.Fatal(err)
		}
		if code != exitOK || stdout.String() != string(want) || stderr.Len() != 0 {
			t.Errorf("--format %s: exit %d, stderr %q, stdout:\n%s", format, code, stderr.String(), stdout.String())
		}
	}
	var stdout, stderr strings.Builder
	if code := run([]string{"announce", "vendors", "--source", src, "--format", "html"}, &stdout, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), `unknown --format "html"`) {
		t.Errorf("--format html: exit %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"announce", "nope", "--source", src}, &stdout, &stderr); code != exitError ||
		!strings.Contains(stderr.String(), "no such policy") {
		t.Errorf("unknown policy: exit %d, stderr %q", code, stderr.String())
	}
}
