package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWithinComparesElements guards the containment check against names
// that merely start with "..".
func TestWithinComparesElements(t *testing.T) {
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

// TestDestinationNamesStartingWithDots checks that a folder name that
// begins with ".." does not fool the destination checks: the build that
// once deleted a source folder named "..site" inside an old output folder
// is refused, and so are destinations below content/ and layouts/.
func TestDestinationNamesStartingWithDots(t *testing.T) {
	outer := t.TempDir()
	old := filepath.Join(outer, "out")
	writeTree(t, old, map[string]string{markerFile: markerText})
	src := filepath.Join(old, "..site")
	writeTree(t, src, with(goodSite, map[string]string{"layouts/.keep": "", "assets/.keep": ""}))
	tests := []struct{ dest, want string }{
		{old, "it contains the source folder"},
		{filepath.Join(src, "content", "..out"), "inside the content folder"},
		{filepath.Join(src, "layouts", "..out"), "inside the layouts or assets folder"},
		{filepath.Join(src, "assets", "..out"), "inside the layouts or assets folder"},
	}
	for _, tt := range tests {
		_, _, err := build(t, src, func(o *Options) { o.Destination = tt.dest })
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("dest %s: err = %v, want %q", tt.dest, err, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "content", "privacy.md")); err != nil {
		t.Fatalf("the source folder was touched: %v", err)
	}
	for _, d := range []string{"content", "layouts", "assets"} {
		if _, err := os.Stat(filepath.Join(src, d, "..out")); err == nil {
			t.Errorf("a build wrote %s/..out", d)
		}
	}
	// A sibling whose name starts with ".." is a fine destination.
	if _, _, err := build(t, src, func(o *Options) { o.Destination = filepath.Join(old, "..public") }); err != nil {
		t.Errorf("dest ..public beside the source: %v", err)
	}
}
