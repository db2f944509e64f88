package site

import (
	"strings"
	"testing"
)

// TestCaseAndNormalisationTwins refuses two outputs that are one file on
// macOS and Windows, naming both inputs.
func TestCaseAndNormalisationTwins(t *testing.T) {
	_, _, err := renderFS(t, mapSite(map[string]string{
		"content/privacy.md":    policy("Privacy"),
		"content/Privacy.md":    policy("Privacy again"),
		"content/caf\u00e9.md":  policy("Composed"),
		"content/cafe\u0301.md": policy("Decomposed"),
		"content/img/Seal.png":  "PNG",
		"content/img/seal.png":  "PNG",
		"content/kelvin.md":     "---\ntitle: K\npermalink: /\u212a/\n---\nText.\n",
		"content/k.md":          "---\ntitle: k\npermalink: /k/\n---\nText.\n",
		"content/straße.md":     policy("Street"), // ß and ss differ on every file system
		"content/strasse.md":    policy("Street too"),
	}))
	if err == nil {
		t.Fatal("the build accepted twins")
	}
	got := err.Error()
	for _, want := range []string{
		"content/privacy.md: output Privacy/index.html of content/Privacy.md and output privacy/index.html of content/privacy.md differ only in letter case or Unicode normalisation",
		"content/caf\u00e9.md: output cafe\u0301/index.html of content/cafe\u0301.md and output caf\u00e9/index.html of content/caf\u00e9.md differ",
		"content/img/seal.png: output img/Seal.png of content/img/Seal.png and output img/seal.png of content/img/seal.png differ",
		"content/kelvin.md:3: output k/index.html of content/k.md and output \u212a/index.html of content/kelvin.md differ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant %s", got, want)
		}
	}
	if n := strings.Count(got, "differ only in letter case"); n != 4 {
		t.Errorf("%d twin errors, want 4:\n%s", n, got)
	}
}

// TestFileAndFolderTwins refuses a file and a folder whose names differ
// only in letter case: macOS and Windows cannot hold both.
func TestFileAndFolderTwins(t *testing.T) {
	_, _, err := renderFS(t, mapSite(map[string]string{
		"content/Docs":          "a file without an extension",
		"content/docs/seal.png": "PNG",
		"content/legal/a.md":    policy("A"),
		"content/Legal":         "another file",
	}))
	if err == nil {
		t.Fatal("the build accepted the twins")
	}
	got := err.Error()
	for _, want := range []string{
		"content/docs/seal.png: output docs/seal.png needs folder docs, which differs from output Docs of content/Docs only in letter case",
		"content/Legal: output Legal of content/Legal differs from folder legal of content/legal/a.md only in letter case",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant %s", got, want)
		}
	}
}

// TestRedirectTwins refuses redirect sources whose stub pages are one
// file on macOS and Windows, at the line of the second.
func TestRedirectTwins(t *testing.T) {
	_, _, err := renderFS(t, mapSite(map[string]string{
		"clause.yaml":        "redirects:\n  /Old/: /privacy/\n  /old/: /terms/\n",
		"content/privacy.md": "---\ntitle: P\nredirect_from: [/caf%C3%A9/]\n---\nText.\n",
		"content/terms.md":   "---\ntitle: T\nredirect_from: [/cafe\u0301/]\n---\nText.\n",
	}))
	if err == nil {
		t.Fatal("the build accepted the twins")
	}
	got := err.Error()
	for _, want := range []string{
		"clause.yaml:3: redirect from /old/ and redirect from /Old/ (clause.yaml:2) differ only in letter case",
		"content/terms.md:3: redirect from /cafe\u0301/ and redirect from /caf%C3%A9/ (content/privacy.md:3) differ only in letter case",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant %s", got, want)
		}
	}
}

// TestFoldASCII checks the fast path of foldPath against the general
// one for every ASCII byte, alone and in a path.
func TestFoldASCII(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		for _, p := range []string{string(rune(c)), "Policies/" + string(rune(c)) + "x/index.html"} {
			got, ok := foldASCII(p)
			if want := strings.Map(simpleFold, p); !ok || got != want {
				t.Errorf("foldASCII(%q) = %q, %v; want %q", p, got, ok, want)
			}
		}
	}
	if _, ok := foldASCII("caf\u00e9"); ok {
		t.Error("foldASCII took a path that is not ASCII")
	}
}
