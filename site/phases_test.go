package site

import (
	"context"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/clause-dev/clause"
	"github.com/clause-dev/clause/site/internal/write"
)

// openLog is a file system that records every file opened through it,
// by the phase that was running.
type openLog struct {
	fs.FS
	name  string // shown before each path: "site" or "theme"
	mu    *sync.Mutex
	phase *string
	opens map[string][]string // phase → "name:path" opened
}

func (l openLog) Open(p string) (fs.File, error) {
	l.mu.Lock()
	l.opens[*l.phase] = append(l.opens[*l.phase], l.name+":"+p)
	l.mu.Unlock()
	return l.FS.Open(p)
}

// TestPhasesReadOnlyInLoad runs the phases one by one over a site with
// version files, a copied image, a site asset and a layout, and checks
// what each opens: load reads everything; assemble reads nothing; render
// reads only what keeps memory flat when read late, the Markdown bodies
// (released after parsing) and the files it copies as they are, never
// clause.yaml, a layout or an asset.
func TestPhasesReadOnlyInLoad(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeTree(t, src, map[string]string{
		"clause.yaml":                            "title: Lantern Cove Outfitters\nredirects:\n  /old-privacy/: /privacy/\n",
		"content/privacy.md":                     "---\ntitle: Privacy notice\neffective: 2025-06-01\nredirect_from: [/data/]\n---\nWe keep your order history. ![map](img/map.png)\n",
		"content/privacy/versions/2024-01-01.md": "---\ntitle: Privacy notice\n---\nWe kept your order history for ever.\n",
		"content/terms.md":                       "# Terms of sale\n\nReturns within 30 days. See the [privacy notice](privacy.md).\n",
		"content/img/map.png":                    "not really a PNG",
		"assets/css/site.css":                    "body { color: teal }\n",
		"layouts/partials/extra.html":            "{{ define \"extra\" }}{{ end }}\n",
	})
	var mu sync.Mutex
	phase := "load"
	opens := map[string][]string{}
	site := openLog{FS: os.DirFS(src), name: "site", mu: &mu, phase: &phase, opens: opens}
	theme := openLog{FS: clause.Theme, name: "theme", mu: &mu, phase: &phase, opens: opens}
	opts := Options{Source: src, Destination: path.Join(src, "public"), Theme: theme, Now: checkNow,
		Getenv: func(string) string { return "" }}

	errs := &ErrorList{}
	ctx := context.Background()
	in := load(ctx, opts, site, errs)
	phase = "assemble"
	m := assemble(in, errs)
	phase = "render"
	out := write.NewMemory()
	r := render(ctx, m, out, errs)
	m.closeBlobs()
	if err := errs.Err(); err != nil {
		t.Fatalf("the site has errors: %v", err)
	}

	loaded := strings.Join(opens["load"], "\n")
	for _, want := range []string{"site:clause.yaml", "site:content/privacy.md", "site:content/img/map.png",
		"site:assets/css/site.css", "site:layouts/partials/extra.html", "theme:layouts/policy.html", "theme:assets/"} {
		if !strings.Contains(loaded, want) {
			t.Errorf("load did not read %s; it read:\n%s", want, loaded)
		}
	}
	if got := opens["assemble"]; len(got) > 0 {
		t.Errorf("assemble read files: %v", got)
	}
	rendered := map[string]bool{}
	for _, p := range opens["render"] {
		rendered[p] = true
	}
	var read []string
	for p := range rendered {
		read = append(read, p)
	}
	sort.Strings(read)
	want := "site:content/img/map.png site:content/privacy.md site:content/privacy/versions/2024-01-01.md site:content/terms.md"
	if strings.Join(read, " ") != want {
		t.Errorf("render read %v; want only the bodies and the copied file, %s", read, want)
	}

	// What render wrote is the model's: the copied image, the site's
	// asset, both policies' pages and the redirects' stubs.
	for _, p := range []string{"img/map.png", "css/site.css", "privacy/index.html", "privacy/versions/2024-01-01/index.html",
		"terms/index.html", "old-privacy/index.html", "data/index.html", "policies.json"} {
		if _, ok := out.Files()[p]; !ok {
			t.Errorf("render did not write %s", p)
		}
	}
	// privacy: its page, two version pages, a redline and its history;
	// terms: its page; then home, 404 and changelog.
	if n := r.pageCount(); n != 9 {
		t.Errorf("render counted %d pages, want 9", n)
	}
}
