//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package write

import (
	"io"
	"io/fs"
	"iter"

	"golang.org/x/sys/unix"
)

// writeFile creates (or replaces) the file name with mode 0644 less the
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
	if err := writeAll(fd, data); err != nil {
		unix.Close(fd)
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// writeFileParts is writeFile for data given as consecutive parts: small
// parts are gathered in a buffer of partsBuffer bytes, so that a file of
// many parts costs few write calls and no copy of its whole size.
func writeFileParts(name string, parts iter.Seq[[]byte]) error {
	fd, err := openRetrying(name)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	fail := func(err error) error {
		unix.Close(fd)
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	var buf []byte
	for part := range parts {
		if len(buf) > 0 && len(buf)+len(part) > partsBuffer {
			if err := writeAll(fd, buf); err != nil {
				return fail(err)
			}
			buf = buf[:0]
		}
		if len(part) >= partsBuffer {
			if err := writeAll(fd, part); err != nil {
				return fail(err)
			}
			continue
		}
		if buf == nil {
			buf = make([]byte, 0, partsBuffer)
		}
		buf = append(buf, part...)
	}
	if err := writeAll(fd, buf); err != nil {
		return fail(err)
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// writeAll writes data to fd, retrying when a signal interrupts the call.
func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// openRetrying creates the file name for writing, retrying when a
// signal interrupts the call. An existing file of that name is unlinked
// and a new one created, never truncated: it may be a hard link to the
// previous output (see previous), which a build must not change.
func openRetrying(name string) (int, error) {
	for {
		fd, err := unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
		switch err {
		case unix.EINTR:
			continue
		case unix.EEXIST:
			if err := unix.Unlink(name); err != nil && err != unix.ENOENT {
				return -1, err
			}
			continue
		}
		return fd, err
	}
}
