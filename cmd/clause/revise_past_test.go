package main

import (
	"strings"
	"testing"
)

// TestReviseRefusesPastDate checks the command line: a past --effective
// date is an error that suggests --backdate, and with --backdate the
// command warns and no longer calls the version upcoming.
func TestReviseRefusesPastDate(t *testing.T) {
	t.Parallel()
	src := writeSite(t, map[string]string{"content/p.md": "---\ntitle: P\nlast_revised: 2026-01-01\neffective: 2026-01-01\n---\n\nText.\n"})
	status, stdout, stderr := runCLI(t, "revise", "p", "--source", src, "--effective", "2026-03-01", "--now", "2026-04-01")
	if status != exitError || !strings.Contains(stderr, "is before today, 2026-04-01") || !strings.Contains(stderr, "--backdate") || stdout != "" {
		t.Errorf("past date: %d %q %q", status, stdout, stderr)
	}
	status, stdout, stderr = runCLI(t, "revise", "p", "--source", src, "--effective", "2026-03-01", "--now", "2026-04-01", "--backdate")
	if status != exitOK || !strings.Contains(stderr, "warning: --backdate: the new version took effect on 2026-03-01, before today (2026-04-01)") {
		t.Errorf("backdated: %d %q", status, stderr)
	}
	if strings.Contains(stdout, "upcoming") || strings.Contains(stdout, "Rebuild on") || !strings.Contains(stdout, "current version since 2026-03-01") {
		t.Errorf("backdated output:\n%s", stdout)
	}
}
