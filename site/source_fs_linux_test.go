package site

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// sourceFSTree makes a source folder beside a file outside it, with
// symbolic links that stay inside and links that lead out, and returns
// the folder opened as a root.
func sourceFSTree(t *testing.T) *os.Root {
	t.Helper()
	top := t.TempDir()
	src := filepath.Join(top, "src")
	for name, body := range map[string]string{
		"src/index.md":            "---\ntitle: Quillmere\n---\nWelcome.\n",
		"src/policies/privacy.md": "---\ntitle: Privacy\n---\nWe keep little.\n",
		"src/policies/empty.md":   "",
		"outside.md":              "secret\n",
	} {
		p := filepath.Join(top, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"src/policies/inside.md": "../index.md",                         // stays in the folder
		"src/policies/up":        "..",                                  // a folder in the folder
		"src/out.md":             "../outside.md",                       // leads out
		"src/abs.md":             filepath.Join(top, "outside.md"),      // absolute, leads out
		"src/abs-in.md":          filepath.Join(top, "src", "index.md"), // absolute, though it lands inside
		"src/dangling.md":        "nowhere.md",
	} {
		if err := os.Symlink(target, filepath.Join(top, link)); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(src)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root
}

// TestSourceFSReadsAsRoot checks that sourceFS returns what os.Root's
// file system returns, bytes or error, for files and folders inside the
// source, links inside and out, and invalid names.
func TestSourceFSReadsAsRoot(t *testing.T) {
	root := sourceFSTree(t)
	fsys, release := newSourceFS(root)
	defer release()
	s, ok := fsys.(*sourceFS)
	if !ok {
		t.Fatalf("newSourceFS gave %T on Linux", fsys)
	}
	rfs := root.FS().(rootFS)
	for _, name := range []string{"index.md", "policies/privacy.md", "policies/empty.md", "policies/inside.md",
		"policies/up/index.md", "out.md", "abs.md", "abs-in.md", "dangling.md", "missing.md", "policies",
		"../outside.md", "/etc/passwd", "", ".", "policies/../index.md"} {
		got, gerr := s.ReadFile(name)
		want, werr := rfs.ReadFile(name)
		if string(got) != string(want) || fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("ReadFile(%q) = %q, %v; os.Root gives %q, %v", name, got, gerr, want, werr)
		}
	}
	for _, name := range []string{".", "policies", "policies/up", "missing", "index.md", "..", "out.md"} {
		got, gerr := s.ReadDir(name)
		want, werr := rfs.ReadDir(name)
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || len(got) != len(want) {
			t.Errorf("ReadDir(%q) = %v, %v; os.Root gives %v, %v", name, got, gerr, want, werr)
			continue
		}
		for i := range got {
			gi, gerr := got[i].Info()
			wi, werr := want[i].Info()
			if got[i].Name() != want[i].Name() || got[i].Type() != want[i].Type() || fmt.Sprint(gerr) != fmt.Sprint(werr) ||
				!reflect.DeepEqual([]any{gi.Name(), gi.Mode(), gi.Size(), gi.ModTime()}, []any{wi.Name(), wi.Mode(), wi.Size(), wi.ModTime()}) {
				t.Errorf("ReadDir(%q)[%d] = %v (%v); os.Root gives %v (%v)", name, i, got[i], gi, want[i], wi)
			}
		}
	}
}

// TestSourceFSKernelRefusesEscapes checks that the fast path itself (not
// the fallback to os.Root) opens a file inside the source and refuses
// each link that leads out of it.
func TestSourceFSKernelRefusesEscapes(t *testing.T) {
	root := sourceFSTree(t)
	fsys, release := newSourceFS(root)
	defer release()
	s := fsys.(*sourceFS)
	fd, ok := s.open("policies/inside.md", 0)
	if noOpenat2.Load() {
		t.Skip("openat2 is not available here; every read goes through os.Root")
	}
	if !ok {
		t.Fatal("openat2 refused a link that stays inside the source")
	}
	closeFD(fd)
	for _, name := range []string{"out.md", "abs.md", "../outside.md"} {
		if fd, ok := s.open(name, 0); ok {
			closeFD(fd)
			t.Errorf("openat2 opened %q, which leads out of the source", name)
		}
	}
}

// closeFD closes a descriptor a test opened.
func closeFD(fd int) { os.NewFile(uintptr(fd), "").Close() }

// TestSourceFSAfterRelease checks that once released, sourceFS no longer
// opens through the descriptor it closed, whose number another file may
// have taken, but answers as os.Root does.
func TestSourceFSAfterRelease(t *testing.T) {
	root := sourceFSTree(t)
	fsys, release := newSourceFS(root)
	release()
	if _, ok := fsys.(*sourceFS).open("index.md", 0); ok {
		t.Fatal("a released sourceFS still opens files through its closed descriptor")
	}
	got, gerr := fsys.(*sourceFS).ReadFile("index.md")
	want, werr := root.FS().(rootFS).ReadFile("index.md")
	if string(got) != string(want) || fmt.Sprint(gerr) != fmt.Sprint(werr) {
		t.Errorf("after release: %q, %v; os.Root gives %q, %v", got, gerr, want, werr)
	}
}
