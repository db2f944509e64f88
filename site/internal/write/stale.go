package write

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// removeStale removes what killed builds left beside a destination named
// base: folders named like its temporary folders that are provably
// clause's (they hold the marker with clause's text, or nothing at all)
// and that no running build holds locked. Where folders cannot be locked
// (see lockDir), nothing is removed, since a folder in use could not be
// told from a stale one.
func removeStale(parent, base string) {
	if !canLockDirs {
		return
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix(base)) {
			continue // symbolic links are not folders here
		}
		dir := filepath.Join(parent, e.Name())
		if !ownedLeftover(dir) {
			continue
		}
		unlock, err := lockDir(dir)
		if err != nil {
			continue // a running build is writing it
		}
		removeOwned(dir)
		unlock()
	}
}

// ownedLeftover reports whether dir is empty or holds clause's marker.
func ownedLeftover(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	if len(entries) == 0 {
		return true
	}
	info, err := os.Lstat(filepath.Join(dir, MarkerFile))
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	data, err := os.ReadFile(filepath.Join(dir, MarkerFile))
	return err == nil && bytes.Equal(data, []byte(MarkerText))
}
