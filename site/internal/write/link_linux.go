package write

import (
	"bytes"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// previous is the output a build replaces, seen as a source of hard
// links: a file the new build writes with the same bytes at the same
// path is linked from it instead of written. Removing the previous output
// after the swap then drops only directory entries for those files and
// frees none of their blocks, which on a disk is most of what removing
// costs (see BENCHMARKS.md, "Session 7: relink").
//
// Nothing in the previous output is ever opened for writing, and a file
// is linked only when it is exactly what clause would have written: a
// regular file reached without a symbolic link at any component, with
// the mode and owner of the marker this build just wrote, one link, the
// new data's size and the new data's bytes. The link is checked to name
// the very file that was compared. Anything else, and any failure, means
// the file is written as if there were no previous output.
type previous struct {
	dirfd int    // the previous output, opened without following a symbolic link
	mode  uint32 // st_mode of a file clause writes (the new marker's)
	uid   uint32 // owner of a file clause writes
	// off is set once a link fails other than because the name exists:
	// the file system may not support links, and the build stops trying.
	off atomic.Bool
	// link links oldpath below olddirfd at newpath, without following a
	// final symbolic link (linkat with no flags); tests make it fail.
	link func(olddirfd int, oldpath, newpath string) error
}

// openPrevious returns dest as a source of links for a build whose new
// marker is newMarker, or nil when dest is not a folder (reached without
// a symbolic link) holding clause's marker, or when the system cannot
// resolve paths safely below it (openat2 arrived in Linux 5.6).
func openPrevious(dest, newMarker string) *previous {
	var st unix.Stat_t
	if err := unix.Lstat(newMarker, &st); err != nil {
		return nil
	}
	fd, err := unix.Open(dest, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	pv := &previous{dirfd: fd, mode: st.Mode, uid: st.Uid, link: linkBelow}
	if !pv.holdsMarker() {
		unix.Close(fd)
		return nil
	}
	return pv
}

// linkBelow is the system's linkat, relative to olddirfd.
func linkBelow(olddirfd int, oldpath, newpath string) error {
	return unix.Linkat(olddirfd, oldpath, unix.AT_FDCWD, newpath, 0)
}

// holdsMarker reports whether the previous output holds clause's marker
// with clause's text.
func (pv *previous) holdsMarker() bool {
	fd, _, ok := pv.openRegular(MarkerFile, len(MarkerText))
	if !ok {
		return false
	}
	defer unix.Close(fd)
	return sameBytes(fd, []byte(MarkerText))
}

// close releases the previous output. It may be called on nil.
func (pv *previous) close() {
	if pv != nil {
		unix.Close(pv.dirfd)
	}
}

// linkUnchanged links the previous output's file at p (a slash path
// already checked to be local) to name when it holds exactly data, and
// reports whether it did. When it returns false, name does not exist
// unless it existed before, and the caller writes the file.
func (pv *previous) linkUnchanged(p, name string, data []byte) bool {
	if pv == nil || pv.off.Load() {
		return false
	}
	fd, st, ok := pv.openRegular(p, len(data))
	if !ok {
		return false
	}
	defer unix.Close(fd)
	if !sameBytes(fd, data) {
		return false
	}
	if err := pv.link(pv.dirfd, p, name); err != nil {
		if err != unix.EEXIST {
			pv.off.Store(true)
		}
		return false
	}
	// linkat walks the path again: make sure it named the file compared
	// (a folder of the previous output replaced by a symbolic link in
	// between would not).
	var got unix.Stat_t
	if err := unix.Lstat(name, &got); err != nil || got.Dev != st.Dev || got.Ino != st.Ino {
		unix.Unlink(name)
		return false
	}
	return true
}

// openRegular opens the previous output's file at p for reading when it
// is a file clause could have written with size bytes: reached without
// any symbolic link, leaving the folder or crossing a mount point,
// regular, with clause's mode and owner and a single link.
func (pv *previous) openRegular(p string, size int) (int, *unix.Stat_t, bool) {
	how := unix.OpenHow{
		Flags: unix.O_RDONLY | unix.O_NOFOLLOW | unix.O_CLOEXEC,
		// RESOLVE_NO_XDEV: a file on another file system below the
		// destination could not be linked, and a failed link would turn
		// linking off for the whole build.
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS | unix.RESOLVE_NO_XDEV,
	}
	fd, err := unix.Openat2(pv.dirfd, p, &how)
	if err != nil {
		return -1, nil, false
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode != pv.mode || st.Uid != pv.uid ||
		st.Nlink != 1 || st.Size != int64(size) {
		unix.Close(fd)
		return -1, nil, false
	}
	return fd, &st, true
}

// compareBuffer is the size of the buffers sameBytes reads into; most
// pages fit in one.
const compareBuffer = 128 << 10

// compareBuffers holds sameBytes's buffers between calls.
var compareBuffers = sync.Pool{New: func() any { b := make([]byte, compareBuffer); return &b }}

// sameBytes reports whether the next len(data) bytes read from fd are
// data.
func sameBytes(fd int, data []byte) bool {
	bp := compareBuffers.Get().(*[]byte)
	defer compareBuffers.Put(bp)
	buf := *bp
	for len(data) > 0 {
		n, err := unix.Read(fd, buf[:min(len(buf), len(data))])
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	return true
}
