package site

import (
	"strings"
	"testing"
)

// TestClassicMacLineEndings checks that a file with CR-only line endings
// has its front matter read, not published as text, with the lines
// counted as CommonMark counts them.
func TestClassicMacLineEndings(t *testing.T) {
	t.Parallel()
	page := strings.ReplaceAll("---\ntitle: Old Mac\nlast_revised: 2026-02-03\n---\n## Data\n\nWe keep little.\n", "\n", "\r")
	files, _ := mustBuild(t, with(goodSite, map[string]string{"content/privacy.md": page}), nil)
	html := string(files["privacy/index.html"])
	if strings.Contains(html, "title: Old Mac") || !strings.Contains(html, "<title>Old Mac") || !strings.Contains(html, "2026") {
		t.Errorf("front matter not read:\n%s", html)
	}
	bad := strings.ReplaceAll("---\ntitle: Old Mac\nlast_revised: someday\n---\nText\n", "\n", "\r")
	_, _, err := build(t, newSite(t, with(goodSite, map[string]string{"content/privacy.md": bad})), nil)
	if err == nil || !strings.Contains(err.Error(), `content/privacy.md:3: last_revised: cannot read date "someday"`) {
		t.Errorf("err = %v", err)
	}
}

// TestDuplicateJSONKeys checks that JSON front matter, like YAML and
// TOML, refuses a key defined twice instead of keeping the last silently.
func TestDuplicateJSONKeys(t *testing.T) {
	t.Parallel()
	for name, page := range map[string]string{
		"object":    "{\n  \"title\": \"A\",\n  \"permalink\": \"/a/\",\n  \"title\": \"B\"\n}\n\nBody\n",
		"delimited": ";;;\n{\"title\": \"A\",\n\"title\": \"B\"}\n;;;\nBody\n",
	} {
		_, _, err := build(t, newSite(t, with(goodSite, map[string]string{"content/privacy.md": page})), nil)
		line := map[string]string{"object": "4", "delimited": "3"}[name]
		if err == nil || !strings.Contains(err.Error(), "content/privacy.md:"+line+`: key "title" is defined twice (first on line `) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	for name, page := range map[string]string{
		"YAML": "---\ntitle: A\ntitle: B\n---\nBody\n",
		"TOML": "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\nBody\n",
	} {
		if _, _, err := build(t, newSite(t, with(goodSite, map[string]string{"content/privacy.md": page})), nil); err == nil {
			t.Errorf("%s with a duplicate key was accepted", name)
		}
	}
}

// TestZeroDateIsAnError checks that 0001-01-01, which is how Go writes
// "no date", is not silently read as an unset date, in every format.
func TestZeroDateIsAnError(t *testing.T) {
	t.Parallel()
	for name, page := range map[string]string{
		"YAML":           "---\ntitle: P\neffective: 0001-01-01\n---\nBody\n",
		"YAML timestamp": "---\ntitle: P\neffective: 0001-01-01T00:00:00Z\n---\nBody\n",
		"TOML":           "+++\ntitle = \"P\"\neffective = 0001-01-01\n+++\nBody\n",
		"JSON":           "{\n\"title\": \"P\",\n\"effective\": \"0001-01-01\"\n}\n\nBody\n",
	} {
		_, _, err := build(t, newSite(t, with(goodSite, map[string]string{"content/privacy.md": page})), nil)
		if err == nil || !strings.Contains(err.Error(), "content/privacy.md:3: effective: date") || !strings.Contains(err.Error(), "is before 1900") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := ParseDate("1899-12-31"); err == nil {
		t.Error("ParseDate accepted 1899-12-31")
	}
	if d, err := ParseDate("1900-01-01"); err != nil || d.ISO() != "1900-01-01" {
		t.Errorf("ParseDate(1900-01-01) = %v, %v", d, err)
	}
}
