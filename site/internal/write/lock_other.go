//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package write

// canLockDirs reports whether lockDir takes a real lock. Here it does
// not: on Windows an open folder cannot be renamed, so the build's own
// folder is not held open, and stale temporary folders are left alone.
const canLockDirs = false

// lockDir takes no lock.
func lockDir(dir string) (func(), error) { return func() {}, nil }
