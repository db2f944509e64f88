package write

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWithinComparesElements guards the containment check against names
// that merely start with "..".
func TestWithinComparesElements(t *testing.T) {
	t.Parallel()
	sep := string(filepath.Separator)
	tests := []struct {
		child, parent string
		want          bool
	}{
		{sep + filepath.Join("a", "..site"), sep + "a", true},
		{sep + filepath.Join("a", "..site", "x"), sep + "a", true},
		{sep + filepath.Join("a", "b"), sep + "a", true},
		{sep + "a", sep + "a", false},
		{sep + "b", sep + "a", false},
		{sep + "a", sep + filepath.Join("a", "b"), false},
		{sep + "..a", sep + "a", false},
	}
	for _, tt := range tests {
		if got := within(tt.child, tt.parent); got != tt.want {
			t.Errorf("within(%q, %q) = %v, want %v", tt.child, tt.parent, got, tt.want)
		}
	}
}

// TestCheck runs every refusal rule, and the destinations that pass, on
// real folders.
func TestCheck(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	src := filepath.Join(root, "..site")
	writeTree(t, src, map[string]string{"content/p.md": "x", "layouts/.keep": "", "notes.txt": "mine"})
	writeTree(t, filepath.Join(root, "foreign"), map[string]string{"notes.txt": "mine"})
	writeTree(t, filepath.Join(root, "old"), map[string]string{MarkerFile: MarkerText, "a.html": "x"})
	if err := os.Mkdir(filepath.Join(root, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(src, "content"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	protected := []Protected{{Dir: "content", Name: "the content folder"}, {Dir: "layouts", Name: "the layouts folder"}}
	home, _ := os.UserHomeDir()
	tests := []struct{ dest, want string }{
		{string(filepath.Separator), "it is the root of the file system"},
		{home, "it is your home folder"},
		{src, "it is the source folder"},
		{root, "it contains the source folder"},
		{filepath.Join(src, "content"), "it is inside the content folder"},
		{filepath.Join(src, "content", "..out"), "it is inside the content folder"},
		{filepath.Join(root, "link", "out"), "it is inside the content folder"},
		{filepath.Join(src, "layouts", "x"), "it is inside the layouts folder"},
		{filepath.Join(src, "notes.txt"), "it is a file, not a folder"},
		{filepath.Join(root, "foreign"), "it is not empty and was not written by clause (no .clause-output file)"},
		{filepath.Join(root, "old"), ""},
		{filepath.Join(root, "empty"), ""},
		{filepath.Join(root, "new", "public"), ""},
		{filepath.Join(src, "public"), ""},
		{filepath.Join(root, "..public"), ""},
	}
	for _, tt := range tests {
		abs, err := Check(tt.dest, src, protected...)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("dest %s: %v", tt.dest, err)
		case tt.want == "" && !filepath.IsAbs(abs):
			t.Errorf("dest %s: Check returned %q, not an absolute path", tt.dest, abs)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "\thint: ")):
			t.Errorf("dest %s: err = %v, want %q with a hint", tt.dest, err, tt.want)
		}
	}
}
