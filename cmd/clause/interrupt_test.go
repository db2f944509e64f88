package main

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// interruptSite is a small site; revised changes one word of it.
var interruptSite = map[string]string{
	"clause.yaml":        "title: Interrupt Test\n",
	"content/privacy.md": "---\ntitle: Privacy\nlast_revised: 2026-01-02\n---\n\n## Data\n\nWe keep little.\n",
}

// buildPausingBinary builds clause with the clausetest tag, whose builds
// stop where CLAUSE_TEST_PAUSE says and wait to be cancelled.
func buildPausingBinary(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("signals are not sent this way on Windows")
	}
	bin := filepath.Join(t.TempDir(), "clause-under-test")
	if out, err := exec.Command("go", "build", "-tags", "clausetest", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// pausedBuild starts a build that stops at point and returns once it is
// there, with the rest of its stderr to be read.
func pausedBuild(t *testing.T, bin, src, dest, point string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(bin, "build", "--source", src, "--destination", dest)
	cmd.Env = append(os.Environ(), "CLAUSE_TEST_PAUSE="+point)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		if sc.Text() == "clause-test: paused at "+point {
			return cmd, sc
		}
	}
	cmd.Wait()
	t.Fatalf("the build never paused at %s", point)
	return nil, nil
}

// finish reads the rest of stderr and waits for the process.
func finish(cmd *exec.Cmd, sc *bufio.Scanner) (int, string) {
	var rest strings.Builder
	for sc.Scan() {
		rest.WriteString(sc.Text() + "\n")
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), rest.String()
	}
	return 0, rest.String()
}

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// tempFolders lists the temporary folders beside dest.
func tempFolders(t *testing.T, dest string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".clause-tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestInterruptedBuilds runs the clause binary and stops its builds with
// signals at points it reports.
func TestInterruptedBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the clause binary and runs it in subprocesses: skipped under -short (scripts/test runs it)")
	}
	bin := buildPausingBinary(t)
	t.Run("SIGTERM and SIGINT clean up", func(t *testing.T) { testSignalsCleanUp(t, bin) })
	t.Run("SIGKILL leftovers are removed", func(t *testing.T) { testKilledBuilds(t, bin) })
}

// testSignalsCleanUp sends SIGTERM and SIGINT to a build whose new site is
// complete but not yet swapped in: it removes its temporary folder, exits
// with 128 plus the signal's number and leaves the previous output as it
// was.
func testSignalsCleanUp(t *testing.T, bin string) {
	src := writeSite(t, interruptSite)
	dest := filepath.Join(t.TempDir(), "public")
	if out, err := exec.Command(bin, "build", "--source", src, "--destination", dest).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := snapshot(t, dest)
	writeFile(t, filepath.Join(src, "content", "privacy.md"), strings.Replace(interruptSite["content/privacy.md"], "little", "nothing", 1))
	for _, tt := range []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGTERM, 143}, {syscall.SIGINT, 130}} {
		cmd, sc := pausedBuild(t, bin, src, dest, "commit")
		if n := len(tempFolders(t, dest)); n != 1 {
			t.Fatalf("%v: %d temporary folders while the build runs, want 1", tt.sig, n)
		}
		if err := cmd.Process.Signal(tt.sig); err != nil {
			t.Fatal(err)
		}
		status, stderr := finish(cmd, sc)
		if status != tt.want || !strings.Contains(stderr, "interrupted") {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and a message", tt.sig, status, stderr, tt.want)
		}
		if left := tempFolders(t, dest); len(left) > 0 {
			t.Errorf("%v: left %v", tt.sig, left)
		}
		if got := snapshot(t, dest); !equalFiles(got, before) {
			t.Errorf("%v: the previous output changed", tt.sig)
		}
	}
}

// testKilledBuilds kills builds with SIGKILL, which cannot be caught,
// before and after the swap: the destination is always a complete site,
// and the next build removes what a killed one left.
func testKilledBuilds(t *testing.T, bin string) {
	src := writeSite(t, interruptSite)
	dest := filepath.Join(t.TempDir(), "public")
	if out, err := exec.Command(bin, "build", "--source", src, "--destination", dest).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := snapshot(t, dest)
	writeFile(t, filepath.Join(src, "content", "privacy.md"), strings.Replace(interruptSite["content/privacy.md"], "little", "nothing", 1))
	cmd, sc := pausedBuild(t, bin, src, dest, "commit")
	cmd.Process.Kill()
	finish(cmd, sc)
	if got := snapshot(t, dest); !equalFiles(got, before) {
		t.Error("killed before the swap: the previous output changed")
	}
	first := tempFolders(t, dest)
	if len(first) != 1 {
		t.Fatalf("killed before the swap: %d temporary folders, want its own", len(first))
	}
	cmd, sc = pausedBuild(t, bin, src, dest, "swapped")
	cmd.Process.Kill()
	finish(cmd, sc)
	if !strings.Contains(snapshot(t, dest)[filepath.Join("privacy", "index.html")], "We keep nothing") {
		t.Error("killed after the swap: the destination is not the new site")
	}
	second := tempFolders(t, dest)
	if len(second) != 1 || second[0] == first[0] {
		t.Fatalf("after two kills the folders are %v; want only the second build's, holding the previous output", second)
	}
	if !strings.Contains(snapshot(t, second[0])[filepath.Join("privacy", "index.html")], "We keep little") {
		t.Error("the folder left after the swap is not the previous output")
	}
	if out, err := exec.Command(bin, "build", "--source", src, "--destination", dest).CombinedOutput(); err != nil {
		t.Fatalf("next build: %v\n%s", err, out)
	}
	if left := tempFolders(t, dest); len(left) > 0 {
		t.Errorf("the next build left %v", left)
	}
}

func equalFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
