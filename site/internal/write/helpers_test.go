package write

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// setPause replaces the pause hook for one test. The hook is shared by
// every Commit in the process, so a test that calls setPause must not
// call t.Parallel: Go runs parallel tests only once every sequential one
// is done.
func setPause(t *testing.T, fn func(ctx context.Context, point string)) {
	t.Helper()
	prev := pause
	pause = fn
	t.Cleanup(func() { pause = prev })
}

// writeTree writes files (slash path → content) below dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree reads every file below dir into a map of slash paths.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// site returns files plus the marker every committed folder holds.
func site(files map[string]string) map[string]string {
	out := map[string]string{MarkerFile: MarkerText}
	for k, v := range files {
		out[k] = v
	}
	return out
}

// oldSite and newSite are two builds told apart by their files.
var (
	oldSite = map[string]string{"privacy/index.html": "We keep little.", "terms/index.html": "Be kind."}
	newSite = map[string]string{"privacy/index.html": "We keep nothing at all.", "css/site.css": "body{}"}
)

// commit writes files through a Dir at dest and commits it.
func commit(t *testing.T, ctx context.Context, dest string, files map[string]string) error {
	t.Helper()
	d, err := Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	for p, data := range files {
		if err := d.Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	return d.Commit()
}

// mustCommit is commit with a background context, failing on error.
func mustCommit(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	if err := commit(t, context.Background(), dest, files); err != nil {
		t.Fatal(err)
	}
}

// assertTree fails unless dir holds exactly want.
func assertTree(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := readTree(t, dir)
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: %s = %q, want %q", dir, p, got[p], w)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: unexpected file %s", dir, p)
		}
	}
}

// assertNoTempDirs fails if a temporary folder is left in dir.
func assertNoTempDirs(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "clause-tmp") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}
