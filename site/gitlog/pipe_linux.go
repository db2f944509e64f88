package gitlog

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// pipeSize is the capacity asked for the pipe git cat-file writes texts
// into: a whole window of policy texts, so that git inflates them without
// waiting for the reader, and the reader takes them in a few reads. Linux
// lets anyone grow a pipe to 1 MiB (/proc/sys/fs/pipe-max-size).
const pipeSize = 1 << 20

// growPipe asks the kernel to make the pipe r reads from hold pipeSize
// bytes. It is a hint: on failure the pipe keeps its 64 KiB.
func growPipe(r io.Reader) {
	f, ok := r.(*os.File)
	if !ok {
		return
	}
	c, err := f.SyscallConn()
	if err != nil {
		return
	}
	_ = c.Control(func(fd uintptr) {
		_, _ = unix.FcntlInt(fd, unix.F_SETPIPE_SZ, pipeSize)
	})
}
