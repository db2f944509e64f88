//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package write

import (
	"os"

	"golang.org/x/sys/unix"
)

// canLockDirs reports whether lockDir takes a real lock.
const canLockDirs = true

// lockDir takes an exclusive flock on dir without waiting and returns
// the function that releases it. The system drops the lock when the
// process ends, however it ends, so a folder left by a killed build is
// unlocked.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
