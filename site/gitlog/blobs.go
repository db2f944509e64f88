package gitlog

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
)

// Blobs reads file contents by blob id on demand, through one running
// `git cat-file --batch` process. It is safe for concurrent use; reads
// are served one batch at a time.
type Blobs struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr strings.Builder
	err    error // the first failure; every later Read returns it
}

// OpenBlobs starts the reader. Close it when done.
func (r *Repo) OpenBlobs() (*Blobs, error) {
	b := &Blobs{cmd: r.command("cat-file", "--batch")}
	b.cmd.Stderr = &b.stderr
	stdin, err := b.cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("gitlog: %w", err)
	}
	stdout, err := b.cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("gitlog: %w", err)
	}
	if err := b.cmd.Start(); err != nil {
		return nil, fmt.Errorf("gitlog: starting git cat-file: %w", err)
	}
	b.stdin, b.stdout = stdin, bufio.NewReaderSize(stdout, 64<<10)
	return b, nil
}

// Read returns the contents of the blobs oids, in order. The ids are
// written while the contents are read, so a batch of any size cannot
// block on a full pipe.
func (b *Blobs) Read(oids ...string) ([][]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return nil, b.err
	}
	written := make(chan error, 1)
	go func() {
		var w strings.Builder
		for _, oid := range oids {
			w.WriteString(oid + "\n")
		}
		_, err := io.WriteString(b.stdin, w.String())
		written <- err
	}()
	out := make([][]byte, len(oids))
	var readErr error
	for i, want := range oids {
		if out[i], readErr = readBlob(b.stdout, want); readErr != nil {
			break
		}
	}
	if readErr != nil {
		_ = b.cmd.Process.Kill() // unblocks the writer
	}
	if err := errors.Join(readErr, <-written); err != nil {
		b.stop()
		b.err = b.failure(err)
		return nil, b.err
	}
	return out, nil
}

// stop ends a process that failed, so that its standard error is complete.
func (b *Blobs) stop() {
	_ = b.cmd.Process.Kill()
	_ = b.stdin.Close()
	_ = b.cmd.Wait()
}

// readBlob reads the response for blob want.
func readBlob(br *bufio.Reader, want string) ([]byte, error) {
	oid, size, err := readHeader(br)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, fmt.Errorf("blob %s: %w", want, err)
	}
	if oid != want {
		return nil, fmt.Errorf("asked for blob %s, git cat-file answered %s", want, oid)
	}
	content := make([]byte, size+1) // the content is followed by "\n"
	if _, err := io.ReadFull(br, content); err != nil {
		return nil, fmt.Errorf("blob %s: %w", oid, unexpectedEOF(err))
	}
	if content[size] != '\n' {
		return nil, fmt.Errorf("blob %s: content is not followed by a newline", oid)
	}
	return content[:size:size], nil
}

// failure describes a failed read, with git's own complaint when it made
// one. The process must have ended.
func (b *Blobs) failure(err error) error {
	if msg := strings.TrimSpace(b.stderr.String()); msg != "" {
		return fmt.Errorf("gitlog: git cat-file: %s", msg)
	}
	return fmt.Errorf("gitlog: reading git cat-file output: %w", err)
}

// Close ends the process.
func (b *Blobs) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	closeErr := b.stdin.Close()
	waitErr := b.cmd.Wait()
	if b.err != nil {
		return nil // already reported by Read
	}
	if err := errors.Join(closeErr, waitErr); err != nil {
		return fmt.Errorf("gitlog: git cat-file: %w", err)
	}
	return nil
}
