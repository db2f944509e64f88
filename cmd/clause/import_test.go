package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "policy.txt")
	os.WriteFile(in, []byte("Big news - learn more\n\nExample Privacy Policy\n\nLast updated: January , 2024\n\n1. INTRODUCTION\n\nWe collect little data about you or anyone else.\n"), 0o644)
	status, stdout, stderr := runCLI(t, "import", in)
	if status != exitOK || !strings.HasPrefix(stdout, "---\ntitle: Example Privacy Policy\n") || !strings.Contains(stdout, "\n## 1. INTRODUCTION\n") {
		t.Errorf("import: %d\n%s\n%s", status, stdout, stderr)
	}
	if !strings.Contains(stderr, in+`:1: note: dropped "Big news - learn more" above the title`) ||
		!strings.Contains(stderr, in+`:5: note: cannot read date "January , 2024"`) {
		t.Errorf("notes:\n%s", stderr)
	}

	out := filepath.Join(dir, "content", "example.md")
	os.MkdirAll(filepath.Dir(out), 0o755)
	stdin = strings.NewReader("<html><body><h1>Terms</h1><p>Plain <b>terms</b>, nothing else to say today.</p></body></html>")
	defer func() { stdin = os.Stdin }()
	status, stdout, stderr = runCLI(t, "import", "--output", out, "-")
	data, _ := os.ReadFile(out)
	if status != exitOK || stdout != "" || !strings.Contains(string(data), "Plain **terms**, nothing else") {
		t.Errorf("import from stdin: %d %q %q\n%s", status, stdout, stderr, data)
	}
	status, _, stderr = runCLI(t, "import", "--output", out, "--html", in)
	if status != exitError || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: %d %q", status, stderr)
	}
	if status, _, _ := runCLI(t, "check", "--source", dir); status != exitOK {
		t.Errorf("the imported file does not check")
	}
}

func TestImportUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"import"}, {"import", "a", "b"}, {"import", "--frob", "a"}} {
		if status, _, _ := runCLI(t, args...); status != exitUsage {
			t.Errorf("clause %v: status %d; want 2", args, status)
		}
	}
	if status, _, stderr := runCLI(t, "import", "https://example.com/privacy"); status != exitError || !strings.Contains(stderr, "not URLs") {
		t.Errorf("URL: %d %q", status, stderr)
	}
	if status, _, _ := runCLI(t, "import", filepath.Join(t.TempDir(), "missing.txt")); status != exitError {
		t.Errorf("missing file: %d", status)
	}
}

// savedPage is a policy page as a browser saves it, with the shapes
// issue 16 found: date lines in spans with no break between them, heading
// self-links, and a notice of the coming version above the title.
const savedPage = `<!DOCTYPE html><html><head><title>Privacy Policy | Tidewater Kayaks</title></head><body>
<div class="notice" role="note">We are updating our Privacy Policy. The new version takes effect on July 1, 2025.</div>
<main><h1 id="privacy">Privacy Policy <a class="anchor" href="#privacy">¶</a></h1>
<div class="meta"><span>Last updated: March 1, 2025</span><span>Effective date: April 1, 2025</span></div>
<p>Tidewater Kayaks rents kayaks by the hour and keeps only what a rental needs.</p>
<h2 id="data">What we keep <a href="#data">#</a></h2><p>Your name and phone number.</p>
</main></body></html>`

func TestImportedPageBuilds(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "privacy.html")
	os.WriteFile(in, []byte(savedPage), 0o644)
	os.WriteFile(filepath.Join(dir, "clause.yaml"), []byte("title: Tidewater Kayaks Privacy\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	md := filepath.Join(dir, "content", "privacy.md")
	status, _, stderr := runCLI(t, "import", "--output", md, in)
	if status != exitOK || !strings.Contains(stderr, "note: dropped notice of a change to the policy") ||
		!strings.Contains(stderr, "clause revise <slug> --effective 2025-07-01") || strings.Contains(stderr, "cookie banner") {
		t.Fatalf("import: %d\n%s", status, stderr)
	}
	if status, stdout, stderr := runCLI(t, "check", "--source", dir, "--now", "2025-05-01"); status != exitOK || strings.Contains(stdout+stderr, "warning") {
		t.Errorf("check of the imported page: %d\n%s%s", status, stdout, stderr)
	}
	dest := filepath.Join(dir, "out")
	if status, _, stderr := runCLI(t, "build", "--source", dir, "--destination", dest, "--now", "2025-05-01"); status != exitOK {
		t.Fatalf("build: %d\n%s", status, stderr)
	}
	var manifest struct {
		Policies []struct {
			Current struct {
				Effective   string `json:"effective"`
				LastRevised string `json:"last_revised"`
			} `json:"current"`
		} `json:"policies"`
	}
	data, _ := os.ReadFile(filepath.Join(dest, "policies.json"))
	if err := json.Unmarshal(data, &manifest); err != nil || len(manifest.Policies) != 1 {
		t.Fatalf("policies.json: %v\n%s", err, data)
	}
	if c := manifest.Policies[0].Current; c.Effective != "2025-04-01" || c.LastRevised != "2025-03-01" {
		t.Errorf("dates of the built page: effective %s, last revised %s", c.Effective, c.LastRevised)
	}
	// The built page, with the theme's own heading links and dates, imports
	// back to the same headings and dates.
	status, stdout, stderr := runCLI(t, "import", filepath.Join(dest, "privacy", "index.html"))
	for _, w := range []string{"title: Privacy Policy\n", "last_revised: 2025-03-01\n", "effective: 2025-04-01\n", "\n## What we keep {#data}\n\nYour name and phone number.\n"} {
		if status != exitOK || !strings.Contains(stdout, w) {
			t.Errorf("import of the built page: want %q in\n%s\n%s", w, stdout, stderr)
		}
	}
	if strings.Contains(stdout, "](#") {
		t.Errorf("the built page's heading links were imported:\n%s", stdout)
	}
}

// TestImportedDateLinesAreLines checks that date lines the import keeps in
// the text, here an earlier version's, are lines clause reads one by one:
// check reports each where it disagrees with the front matter.
func TestImportedDateLinesAreLines(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "terms.html")
	os.WriteFile(in, []byte(`<h1>Terms</h1><p>Last updated: <b>March 1, 2025</b><br>Effective date: <b>April 1, 2025</b></p>
<p>Tidewater Kayaks rents kayaks by the hour.</p><p>Earlier version:<br>Last updated: January 5, 2024<br>Effective date: February 1, 2024<br>Ask us for a copy.</p>`), 0o644)
	os.WriteFile(filepath.Join(dir, "clause.yaml"), []byte("title: Tidewater Kayaks\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	md := filepath.Join(dir, "content", "terms.md")
	if status, _, stderr := runCLI(t, "import", "--output", md, in); status != exitOK {
		t.Fatalf("import: %d\n%s", status, stderr)
	}
	_, stdout, stderr := runCLI(t, "check", "--source", dir, "--now", "2025-05-01")
	for _, w := range []string{`typed date "January 5, 2024" (2024-01-05) disagrees with last_revised 2025-03-01`, `typed date "February 1, 2024" (2024-02-01) disagrees with effective 2025-04-01`} {
		if !strings.Contains(stdout+stderr, w) {
			t.Errorf("check does not read the kept line %q:\n%s%s", w, stdout, stderr)
		}
	}
}
