package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite writes files below a new temporary folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// warnSite has one warning (a skipped heading level) and no error.
var warnSite = map[string]string{
	"content/privacy.md": "---\ntitle: Privacy\ndescription: d\nlast_revised: 2026-01-01\n---\n\n### Deep\n\nSee [terms](terms.md).\n",
	"content/terms.md":   "---\ntitle: Terms\ndescription: d\neffective: 2026-01-01\n---\n\n## Terms\n",
}

func TestCheckCommandFormats(t *testing.T) {
	t.Setenv("CLAUSE_BASE_URL", "")
	src := writeSite(t, warnSite)
	status, stdout, stderr := runCLI(t, "check", "--source", src)
	want := "content/privacy.md:7: warning: heading level skips from h1 to h3: \"Deep\"\n" +
		"\thint: use ## for sections and ### for their subsections, without skipping a level; the title is the page's h1\n"
	if status != exitOK || stdout != want || stderr != "checked 2 policies: 0 errors, 1 warning\n" {
		t.Errorf("text: status %d\nstdout %q\nstderr %q", status, stdout, stderr)
	}
	if status, _, _ := runCLI(t, "check", "--source", src, "--strict"); status != exitError {
		t.Errorf("--strict with a warning: status %d", status)
	}
	status, stdout, _ = runCLI(t, "check", "--source", src, "--format", "json")
	var problems []struct {
		Path, Severity, Message, Hint string
		Line, Col                     int
	}
	if err := json.Unmarshal([]byte(stdout), &problems); err != nil || status != exitOK || len(problems) != 1 ||
		problems[0].Path != "content/privacy.md" || problems[0].Line != 7 || problems[0].Severity != "warning" || problems[0].Hint == "" {
		t.Errorf("json: status %d, %v, %+v\n%s", status, err, problems, stdout)
	}
	status, stdout, _ = runCLI(t, "check", "--source", src, "--format", "github")
	wantGH := "::warning file=" + filepath.ToSlash(filepath.Join(src, "content/privacy.md")) + ",line=7,title=clause check::heading level skips"
	if status != exitOK || !strings.HasPrefix(strings.ReplaceAll(stdout, "%3A", ":"), wantGH) {
		t.Errorf("github: status %d\n%s\nwant prefix %s", status, stdout, wantGH)
	}
}

func TestCheckCommandErrors(t *testing.T) {
	t.Parallel()
	src := writeSite(t, map[string]string{"content/privacy.md": "---\ntitle: P\ndescription: d\n---\n\n[x](gone.md)\n"})
	status, stdout, stderr := runCLI(t, "check", "--source", src, "--format", "github")
	if status != exitError || !strings.Contains(stdout, "::error file=") || !strings.Contains(stdout, `link to missing file "gone.md"`) {
		t.Errorf("status %d\nstdout %s\nstderr %s", status, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("check wrote public/")
	}
	for _, args := range [][]string{{"check", "--format", "xml"}, {"check", "--now", "later"}, {"check", "extra"}} {
		if status, _, _ := runCLI(t, args...); status != exitUsage {
			t.Errorf("%v: status %d; want 2", args, status)
		}
	}
	if status, _, stderr := runCLI(t, "check", "--source", filepath.Join(src, "missing")); status != exitError || !strings.Contains(stderr, "source folder") {
		t.Errorf("missing source: %d %q", status, stderr)
	}
}

func TestCheckCommandBaseURL(t *testing.T) {
	src := writeSite(t, map[string]string{
		"content/privacy.md": "---\ntitle: P\ndescription: d\n---\n\n[a](/policies/terms/) [b](/terms/)\n",
		"content/terms.md":   "---\ntitle: T\ndescription: d\n---\n",
	})
	t.Setenv("CLAUSE_BASE_URL", "https://example.com/policies/")
	status, stdout, _ := runCLI(t, "check", "--source", src)
	if status != exitOK || strings.Contains(stdout, `"/policies/terms/"`) ||
		!strings.Contains(stdout, `broken link "/terms/": /terms/ is outside the site, which is published under /policies/`) {
		t.Errorf("with CLAUSE_BASE_URL, /policies/terms/ exists and /terms/ is outside the site: %d\n%s", status, stdout)
	}
	status, stdout, _ = runCLI(t, "check", "--source", src, "--base-url", "https://example.com/")
	if status != exitOK || !strings.Contains(stdout, `broken link "/policies/terms/"`) {
		t.Errorf("--base-url overrides the environment: %d\n%s", status, stdout)
	}
}
