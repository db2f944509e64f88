package gitlog

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// TestGrowPipe checks that growPipe makes a pipe hold pipeSize bytes, so
// that git cat-file writes a window of texts without waiting.
func TestGrowPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	size := func() int {
		var n int
		c, err := r.SyscallConn()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Control(func(fd uintptr) { n, err = unix.FcntlInt(fd, unix.F_GETPIPE_SZ, 0) }); err != nil {
			t.Fatal(err)
		}
		if err != nil {
			t.Skipf("F_GETPIPE_SZ: %v", err)
		}
		return n
	}
	if before := size(); before >= pipeSize {
		t.Skipf("pipes here already hold %d bytes", before)
	}
	growPipe(r)
	if after := size(); after < pipeSize {
		t.Fatalf("after growPipe the pipe holds %d bytes; want %d (is /proc/sys/fs/pipe-max-size lower?)", after, pipeSize)
	}
}
