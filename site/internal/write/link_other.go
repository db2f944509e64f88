//go:build !linux

package write

// previous would be the output a build replaces, seen as a source of
// hard links (see link_linux.go). Only Linux can open a path below a
// folder refusing symbolic links at every component in one call
// (openat2), so elsewhere every file is written.
type previous struct{}

// openPrevious returns nil: no file is linked on this system.
func openPrevious(dest, newMarker string) *previous { return nil }

// close does nothing.
func (pv *previous) close() {}

// linkUnchanged reports false: the caller writes every file.
func (pv *previous) linkUnchanged(p, name string, data []byte) bool { return false }
