package site

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// rootFS is what os.Root's FS offers: every method sourceFS passes on.
type rootFS interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
	fs.ReadLinkFS
}

// sourceFS is a build's view of the source folder: os.Root's file
// system, with the two reads a build makes thousands of times — a file's
// bytes and a folder's entries — done in fewer system calls. os.Root
// walks a path one folder at a time (an open and a close per folder),
// offers every file to the network poller, and stats every entry of a
// folder it lists: about 12 calls to read a policy, 5 more per entry of a
// folder. sourceFS opens the path in one openat2 call with
// RESOLVE_BENEATH, with which the kernel refuses any path, symbolic link
// or ".." that leads out of the folder, and reads it with plain calls.
// Whenever that fails (an old kernel, a path that leads out, a file that
// is not regular, any error) it asks os.Root, whose answer, result or
// error, is the one returned: sourceFS never reads what os.Root would
// refuse, and reports the same errors.
type sourceFS struct {
	rootFS
	root *os.Root
	dir  *os.File        // the source folder, opened through root
	conn syscall.RawConn // dir's descriptor, which Control lends while dir is open
}

// noOpenat2 is set once openat2 proved unavailable (ENOSYS, or refused
// by a sandbox), so later reads go straight to os.Root.
var noOpenat2 atomic.Bool

// newSourceFS returns the file system to read the source folder through,
// and a function that releases it; root stays the caller's to close.
func newSourceFS(root *os.Root) (fs.FS, func()) {
	rfs, ok := root.FS().(rootFS)
	if !ok {
		return root.FS(), func() {}
	}
	dir, err := root.Open(".")
	if err != nil {
		return root.FS(), func() {}
	}
	conn, err := dir.SyscallConn()
	if err != nil {
		dir.Close()
		return root.FS(), func() {}
	}
	// Once dir is closed, Control fails, so a later read goes to os.Root
	// (and fails as its own do once root is closed), and no read can use
	// a descriptor number that names another file by then.
	return &sourceFS{rootFS: rfs, root: root, dir: dir, conn: conn}, func() { dir.Close() }
}

// ReadFile reads the file name; see sourceFS.
func (s *sourceFS) ReadFile(name string) ([]byte, error) {
	fd, ok := s.open(name, unix.O_RDONLY|unix.O_NONBLOCK)
	if !ok {
		return s.rootFS.ReadFile(name)
	}
	data, ok := readRegular(fd)
	unix.Close(fd)
	if !ok {
		return s.rootFS.ReadFile(name)
	}
	return data, nil
}

// ReadDir lists the folder name sorted by name, as os.Root's FS does; an
// entry's Info is os.Root's Lstat of it, made when asked for.
func (s *sourceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	fd, ok := s.open(name, unix.O_RDONLY|unix.O_DIRECTORY)
	if !ok {
		return s.rootFS.ReadDir(name)
	}
	f := os.NewFile(uintptr(fd), name)
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return s.rootFS.ReadDir(name)
	}
	out := make([]fs.DirEntry, len(entries))
	for i, e := range entries {
		out[i] = rootDirEntry{DirEntry: e, root: s.root, path: path.Join(name, e.Name())}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// open opens name below the source folder with openat2 and
// RESOLVE_BENEATH; ok is false when it did not, for any reason.
func (s *sourceFS) open(name string, flags int) (fd int, ok bool) {
	if noOpenat2.Load() || !fs.ValidPath(name) {
		return -1, false
	}
	how := unix.OpenHow{Flags: uint64(flags | unix.O_CLOEXEC | unix.O_NOCTTY), Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS}
	var err error
	open := func(dirfd uintptr) {
		for {
			if fd, err = unix.Openat2(int(dirfd), name, &how); err != unix.EINTR {
				return
			}
		}
	}
	if s.conn.Control(open) != nil {
		return -1, false // released
	}
	switch err {
	case nil:
		return fd, true
	case unix.ENOSYS, unix.EPERM:
		noOpenat2.Store(true)
	}
	return -1, false
}

// readRegular reads the whole of fd, which must be a regular file, as
// os.ReadFile does; ok is false for anything else or on an error.
func readRegular(fd int) (data []byte, ok bool) {
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, false
	}
	data = make([]byte, 0, st.Size+1) // one more byte, so that the read that finds the end needs no growing
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := unix.Read(fd, data[len(data):cap(data)])
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return nil, false
		case n == 0:
			return data, true
		}
		data = data[:len(data)+n]
	}
}

// rootDirEntry is an entry of a folder sourceFS listed, whose Info asks
// os.Root.
type rootDirEntry struct {
	fs.DirEntry
	root *os.Root
	path string
}

// Info describes the entry itself (a symbolic link is not followed).
func (e rootDirEntry) Info() (fs.FileInfo, error) { return e.root.Lstat(e.path) }

// String formats the entry as fs.FormatDirEntry does.
func (e rootDirEntry) String() string { return fs.FormatDirEntry(e) }
