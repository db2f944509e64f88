package site

import "testing"

// TestListingSkipsOutputByMarker checks which folders the listing takes
// for a build's output, now that it finds the marker among the entries it
// reads instead of asking for it in every folder: a marker file or folder
// marks one, at any depth, and so does a marker that is a symbolic link
// leading somewhere; a link that leads nowhere does not, as fs.Stat of
// it would not find it, and a marker in the content folder itself is not
// looked at.
func TestListingSkipsOutputByMarker(t *testing.T) {
	t.Parallel()
	fsys := mapSite(map[string]string{
		"content/.clause-output":                 markerText, // the content folder itself: still listed
		"content/privacy.md":                     policy("Privacy"),
		"content/built/.clause-output":           markerText,
		"content/built/stale.md":                 policy("Stale"),
		"content/deep/er/built/.clause-output/x": "a folder named like the marker",
		"content/deep/er/built/old.md":           policy("Old"),
		"content/deep/er/kept.md":                policy("Kept"),
		"content/linked/stale.md":                policy("Linked stale"),
		"content/dangling/terms.md":              policy("Terms"),
		"marker.txt":                             markerText,
	})
	link(fsys, "content/linked/.clause-output", "../../marker.txt")
	link(fsys, "content/dangling/.clause-output", "../../nowhere.txt")
	files, res := mustRenderFS(t, fsys)
	equalList(t, "content outputs", pagesAndFiles(files), []string{"dangling/terms/index.html", "deep/er/kept/index.html", "privacy/index.html"})
	if res.Policies != 3 {
		t.Errorf("%d policies, want 3", res.Policies)
	}
}
