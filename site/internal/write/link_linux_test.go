package write

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// statTree takes a FileInfo of every entry below dir but folders, by
// slash path, without following symbolic links.
func statTree(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	infos := map[string]os.FileInfo{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		rel, _ := filepath.Rel(dir, p)
		infos[filepath.ToSlash(rel)] = info
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return infos
}

// needLinks skips t where a build cannot link from a previous output:
// openat2 arrived in Linux 5.6, and sandboxes may refuse it.
func needLinks(t *testing.T) {
	t.Helper()
	prev := t.TempDir()
	writeTree(t, prev, map[string]string{MarkerFile: MarkerText})
	pv := openPrevious(prev, filepath.Join(prev, MarkerFile))
	if pv == nil {
		t.Skip("no openat2 here: a build writes every file")
	}
	pv.close()
}

// links returns the number of hard links to the file name.
func links(t *testing.T, name string) uint64 {
	t.Helper()
	var st unix.Stat_t
	if err := unix.Lstat(name, &st); err != nil {
		t.Fatal(err)
	}
	return uint64(st.Nlink)
}

// assertLinked fails unless each of the files at paths below dest is the
// file before held at that path (linked), or is not (written), as linked
// says.
func assertLinked(t *testing.T, dest string, before map[string]os.FileInfo, linked bool, paths ...string) {
	t.Helper()
	for _, p := range paths {
		after, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if same := os.SameFile(before[p], after); same != linked {
			t.Errorf("%s: same file as before = %v, want %v", p, same, linked)
		}
		if !after.Mode().IsRegular() {
			t.Errorf("%s: mode %v, want a regular file", p, after.Mode())
		}
	}
}

// linkSites are two builds that share one page and differ in the other.
var (
	linkOld = map[string]string{"privacy/index.html": "We keep little.", "terms/index.html": "Be kind."}
	linkNew = map[string]string{"privacy/index.html": "We keep little.", "terms/index.html": "Be nice."}
)

// TestRebuildLinksUnchangedFiles checks that a rebuild keeps the very
// file of an unchanged page (a hard link to the previous output) and
// writes a changed one, same size or not.
func TestRebuildLinksUnchangedFiles(t *testing.T) {
	needLinks(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, linkOld)
	before := statTree(t, dest)
	mustCommit(t, dest, linkNew)
	assertTree(t, dest, site(linkNew))
	assertLinked(t, dest, before, true, "privacy/index.html")
	assertLinked(t, dest, before, false, "terms/index.html")
	if n := links(t, filepath.Join(dest, "privacy/index.html")); n != 1 {
		t.Errorf("the linked file has %d links once the previous output is gone, want 1", n)
	}
	before = statTree(t, dest)
	grown := map[string]string{"privacy/index.html": "We keep little, and less.", "terms/index.html": "Be nice."}
	mustCommit(t, dest, grown)
	assertTree(t, dest, site(grown))
	assertLinked(t, dest, before, true, "terms/index.html")
	assertLinked(t, dest, before, false, "privacy/index.html")
	assertNoTempDirs(t, filepath.Dir(dest))
}

// TestRebuildLinksOnlyClauseFiles tampers with the previous output in
// every way a link must not follow: other bytes of the same size, a
// symbolic link to a file with the right bytes, a symbolic link as a
// folder, another mode, a second link. None is linked, and the new
// output holds the right bytes in regular files.
func TestRebuildLinksOnlyClauseFiles(t *testing.T) {
	needLinks(t)
	files := map[string]string{
		"tampered.html":        "Same size here.",
		"symlink.html":         "Linked elsewhere.",
		"folder/index.html":    "Below a symbolic link.",
		"private.html":         "Another mode.",
		"shared.html":          "Two links.",
		"untouched/index.html": "Left alone.",
	}
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	mustCommit(t, dest, files)
	outside := filepath.Join(root, "outside")
	writeTree(t, outside, map[string]string{"symlink.html": files["symlink.html"], "index.html": files["folder/index.html"]})
	at := func(p string) string { return filepath.Join(dest, filepath.FromSlash(p)) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(at("tampered.html"), []byte("Same size HERE."), 0o644))
	must(os.Remove(at("symlink.html")))
	must(os.Symlink(filepath.Join(outside, "symlink.html"), at("symlink.html")))
	must(os.RemoveAll(at("folder")))
	must(os.Symlink(outside, at("folder")))
	must(os.Chmod(at("private.html"), 0o600))
	must(os.Link(at("shared.html"), filepath.Join(root, "second-link.html")))
	before := statTree(t, dest)
	outsideBefore := statTree(t, outside)

	mustCommit(t, dest, files)
	assertTree(t, dest, site(files))
	assertLinked(t, dest, before, false, "tampered.html", "private.html", "shared.html")
	assertLinked(t, dest, outsideBefore, false, "symlink.html")
	after, err := os.Lstat(at("folder"))
	if err != nil || !after.IsDir() {
		t.Fatalf("folder: %v, %v; want a real folder", after, err)
	}
	for p, info := range outsideBefore {
		now, err := os.Lstat(filepath.Join(outside, p))
		if err != nil || !os.SameFile(info, now) || links(t, filepath.Join(outside, p)) != 1 {
			t.Errorf("outside/%s was changed or linked: %v", p, err)
		}
	}
	assertLinked(t, dest, before, true, "untouched/index.html")
}

// TestFailedRebuildKeepsPreviousFiles checks that a build that links
// files and then fails, or is cancelled, leaves every file of the
// previous output with its bytes, its inode and a single link.
func TestFailedRebuildKeepsPreviousFiles(t *testing.T) {
	needLinks(t)
	for _, how := range []string{"discarded", "cancelled"} {
		t.Run(how, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			mustCommit(t, dest, linkOld)
			before := statTree(t, dest)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			d, err := Open(ctx, dest)
			if err != nil {
				t.Fatal(err)
			}
			for p, data := range linkNew {
				if err := d.Write(p, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			if linked, _ := os.Lstat(filepath.Join(d.tmp, "privacy/index.html")); !os.SameFile(linked, before["privacy/index.html"]) {
				t.Fatal("the unchanged page was not linked, so this test proves nothing")
			}
			if how == "discarded" {
				d.Discard()
			} else {
				cancel()
				if err := d.Commit(); err == nil {
					t.Fatal("Commit of a cancelled build succeeded")
				}
			}
			assertTree(t, dest, site(linkOld))
			assertLinked(t, dest, before, true, MarkerFile, "privacy/index.html", "terms/index.html")
			for p := range before {
				if n := links(t, filepath.Join(dest, filepath.FromSlash(p))); n != 1 {
					t.Errorf("%s has %d links, want 1", p, n)
				}
			}
			assertNoTempDirs(t, filepath.Dir(dest))
		})
	}
}

// TestLinkFailureFallsBack makes the link call fail as a file system
// without hard links would: the files are written instead, and linking
// stops after the first failure.
func TestLinkFailureFallsBack(t *testing.T) {
	needLinks(t)
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"a.html": "A", "b/index.html": "B", "c/index.html": "C"}
	mustCommit(t, dest, files)
	before := statTree(t, dest)
	d, err := Open(context.Background(), dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	calls := 0
	d.prev.link = func(int, string, string) error { calls++; return unix.EPERM }
	for _, p := range []string{"a.html", "b/index.html", "c/index.html"} {
		if err := d.Write(p, []byte(files[p])); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("link called %d times, want once (then linking is off)", calls)
	}
	assertTree(t, dest, site(files))
	assertLinked(t, dest, before, false, "a.html", "b/index.html", "c/index.html")
}

// TestLinkOfAnotherFileIsUndone makes the link name a file other than
// the one compared, as a folder of the previous output swapped for a
// symbolic link between the two calls would: the link is removed and
// the file written.
func TestLinkOfAnotherFileIsUndone(t *testing.T) {
	needLinks(t)
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	mustCommit(t, dest, linkOld)
	decoy := filepath.Join(root, "decoy.html")
	writeTree(t, root, map[string]string{"decoy.html": "Not the page."})
	before := statTree(t, dest)
	d, err := Open(context.Background(), dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	d.prev.link = func(_ int, _, newpath string) error { return os.Link(decoy, newpath) }
	for p, data := range linkOld {
		if err := d.Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, site(linkOld))
	assertLinked(t, dest, before, false, "privacy/index.html", "terms/index.html")
	if data, _ := os.ReadFile(decoy); string(data) != "Not the page." {
		t.Errorf("decoy changed to %q", data)
	}
}

// TestRewriteOfLinkedFile writes a path twice in one build, first with
// the previous output's bytes (so it is linked), then with others: the
// new output holds the second, and the previous output's file is not
// changed through the link.
func TestRewriteOfLinkedFile(t *testing.T) {
	needLinks(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustCommit(t, dest, linkOld)
	d, err := Open(context.Background(), dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	for _, data := range []string{"We keep little.", "We keep less."} {
		if err := d.Write("privacy/index.html", []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	assertTree(t, dest, site(linkOld))
	assertTree(t, d.tmp, site(map[string]string{"privacy/index.html": "We keep less."}))
}

// TestNoLinksFromUnmarkedFolder checks that a destination without
// clause's marker is never a source of links.
func TestNoLinksFromUnmarkedFolder(t *testing.T) {
	needLinks(t)
	for name, marker := range map[string]string{"no marker": "", "other text": "Someone else's.\n"} {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			files := map[string]string{"index.html": "Home."}
			if marker != "" {
				files[MarkerFile] = marker
			}
			writeTree(t, dest, files)
			d, err := Open(context.Background(), dest)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Discard()
			if d.prev != nil {
				t.Error("an unmarked folder was opened as a source of links")
			}
		})
	}
}
