package watch

import (
	"path/filepath"
	"strings"
)

// tempSuffixes lists name endings used by editors for swap, backup and
// scratch files.
var tempSuffixes = []string{
	"~",            // vim/emacs/nano backups
	".swp",         // vim swap
	".swo",         // vim second swap
	".swx",         // vim swap probe
	".swpx",        // vim swap probe
	"___jb_tmp___", // JetBrains safe write
	"___jb_old___", // JetBrains safe write
	".kate-swp",    // Kate swap
	".crswap",      // Chromium File System Access API
}

// tempPrefixes lists name beginnings used by editors for scratch files.
var tempPrefixes = []string{
	".#",              // emacs lock files
	".goutputstream-", // GNOME/gedit atomic save
}

// tempNames lists exact names that are never site content.
var tempNames = map[string]bool{
	"4913":      true, // vim probes directory writability with this name
	".DS_Store": true, // macOS Finder metadata
	"Thumbs.db": true, // Windows Explorer metadata
}

// IsTempFile reports whether name (a base name or a path) looks like an
// editor temp, swap, lock or backup file that must never trigger a rebuild.
func IsTempFile(name string) bool {
	base := filepath.Base(name)
	if tempNames[base] {
		return true
	}
	if len(base) >= 2 && base[0] == '#' && base[len(base)-1] == '#' {
		return true // emacs auto-save
	}
	for _, p := range tempPrefixes {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	for _, s := range tempSuffixes {
		if strings.HasSuffix(base, s) {
			return true
		}
	}
	return false
}

// isIgnoredDir reports whether a directory with this base name is skipped
// entirely: hidden directories such as .git, .idea or .vscode, except
// .well-known, which sites publish (security.txt and friends).
func isIgnoredDir(base string) bool {
	return len(base) > 1 && base[0] == '.' && base != ".." && base != ".well-known"
}

// ignoredRel reports whether a path relative to a root must be ignored: one
// of its parent directories is ignored, or its base name is a temp file.
func ignoredRel(rel string) bool {
	parts := strings.Split(rel, string(filepath.Separator))
	for _, dir := range parts[:len(parts)-1] {
		if isIgnoredDir(dir) {
			return true
		}
	}
	return IsTempFile(parts[len(parts)-1])
}
