//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package write

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// writeFile creates (or truncates) the file name with mode 0644 less the
// umask and writes data to it, as os.WriteFile does, in three system
// calls: open, write, close. os.WriteFile also offers every file to the
// network poller, which refuses regular files, and then makes its
// descriptor blocking again: three more calls per file, six thousand in
// a 1,000-policy build.
func writeFile(name string, data []byte) error {
	fd, err := openRetrying(name)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// openRetrying opens name for writing, retrying when a signal
// interrupts the call.
func openRetrying(name string) (int, error) {
	for {
		fd, err := unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
		if err != unix.EINTR {
			return fd, err
		}
	}
}
