package e2e

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "also write the screenshots to docs/screenshots/")

// screenshotPages are the sample pages shown in the screenshots, by name.
var screenshotPages = []struct{ name, url string }{
	{"home", "/"},
	{"policy", "/privacy/"},
	{"redline", "/privacy/versions/2026-09-15/changes/"},
	{"changelog", "/changelog/"},
}

// screenshotSizes are the viewports, width × height: a desktop and a phone.
var screenshotSizes = [][2]int64{{1280, 900}, {375, 800}}

// TestBrowserScreenshots saves viewport screenshots of the main pages at
// desktop and phone widths into a temporary folder (its path is logged);
// with -update-screenshots it also refreshes docs/screenshots/.
func TestBrowserScreenshots(t *testing.T) {
	skipBrowserInShort(t)
	files := sample(t)
	base := serve(t, files)
	browser := newBrowser(t)
	dir := filepath.Join(os.TempDir(), "clause-e2e-screenshots")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tab := newTab(t, browser)
	for _, size := range screenshotSizes {
		do(t, tab, "viewport", chromedp.EmulateViewport(size[0], size[1]))
		for _, p := range screenshotPages {
			navigate(t, tab, base+p.url)
			img, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatalf("screenshot of %s: %v", p.url, err)
			}
			checkPNG(t, img, size)
			name := fmt.Sprintf("%s-%d.png", p.name, size[0])
			writeFile(t, filepath.Join(dir, name), img)
			if *updateScreenshots {
				writeFile(t, filepath.Join(repoRoot, "docs", "screenshots", name), img)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
	if *updateScreenshots {
		t.Logf("updated %s", filepath.Join(repoRoot, "docs", "screenshots"))
	}
}

// checkPNG fails t unless img is a PNG of the viewport's size.
func checkPNG(t *testing.T, img []byte, size [2]int64) {
	t.Helper()
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if int64(cfg.Width) != size[0] || int64(cfg.Height) != size[1] {
		t.Errorf("screenshot is %d×%d, want %d×%d", cfg.Width, cfg.Height, size[0], size[1])
	}
}

// writeFile writes data to name, creating its folder.
func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
