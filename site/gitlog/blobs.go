package gitlog

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strings"
	"sync"
)

// Blobs reads file contents by blob id on demand, through running
// `git cat-file --batch` processes: up to GOMAXPROCS of them, each
// started the first time every running one is busy, so that reads from
// several goroutines are served at once instead of one after another
// (git inflates and applies deltas for each blob, which is most of the
// cost of reading a history). It is safe for concurrent use; each Read
// is one batch to one process. After a failure every later Read returns
// the same error.
type Blobs struct {
	repo *Repo
	free chan *blobProcess // the idle processes; nil for one not started yet

	mu  sync.Mutex
	err error // the first failure; every later Read returns it
}

// blobProcess is one running `git cat-file --batch`.
type blobProcess struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr strings.Builder
}

// OpenBlobs returns a reader that runs up to runtime.GOMAXPROCS(0)
// processes, and starts the first one. Close it when done.
func (r *Repo) OpenBlobs() (*Blobs, error) {
	return r.openBlobs(runtime.GOMAXPROCS(0))
}

// openBlobs returns a reader of at most n processes, the first started.
func (r *Repo) openBlobs(n int) (*Blobs, error) {
	first, err := r.startBlobProcess()
	if err != nil {
		return nil, err
	}
	b := &Blobs{repo: r, free: make(chan *blobProcess, max(n, 1))}
	b.free <- first
	for range cap(b.free) - 1 {
		b.free <- nil
	}
	return b, nil
}

// startBlobProcess starts one cat-file process.
func (r *Repo) startBlobProcess() (*blobProcess, error) {
	p := &blobProcess{}
	cmd, stdin, stdout, err := r.startBatch(&p.stderr)
	if err != nil {
		return nil, err
	}
	p.cmd, p.stdin, p.stdout = cmd, stdin, bufio.NewReaderSize(stdout, 64<<10)
	return p, nil
}

// Read returns the contents of the blobs oids, in order, from an idle
// process (started if need be).
func (b *Blobs) Read(oids ...string) ([][]byte, error) {
	p := <-b.free
	if err := b.failed(); err != nil {
		b.free <- p
		return nil, err
	}
	var err error
	if p == nil {
		if p, err = b.repo.startBlobProcess(); err != nil {
			err = b.fail(err) // recorded before the slot is free again
			b.free <- nil
			return nil, err
		}
	}
	out, err := p.read(oids)
	if err != nil {
		p.stop()
		err = b.fail(p.failure(err)) // recorded before the slot is free, so a later Read reports it
		b.free <- nil
		return nil, err
	}
	b.free <- p
	return out, nil
}

// failed returns the first failure, if any.
func (b *Blobs) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// fail records err unless a failure was recorded before, and returns
// the first one.
func (b *Blobs) fail(err error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = err
	}
	return b.err
}

// read asks the process for oids and reads their contents. The ids are
// written while the contents are read, so a batch of any size cannot
// block on a full pipe.
func (p *blobProcess) read(oids []string) ([][]byte, error) {
	written := make(chan error, 1)
	go func() {
		var w strings.Builder
		for _, oid := range oids {
			w.WriteString(oid + "\n")
		}
		_, err := io.WriteString(p.stdin, w.String())
		written <- err
	}()
	out := make([][]byte, len(oids))
	var readErr error
	for i, want := range oids {
		if out[i], readErr = readBlob(p.stdout, want); readErr != nil {
			break
		}
	}
	if readErr != nil {
		_ = p.cmd.Process.Kill() // unblocks the writer
	}
	if err := errors.Join(readErr, <-written); err != nil {
		return nil, err
	}
	return out, nil
}

// stop ends a process that failed, so that its standard error is complete.
func (p *blobProcess) stop() {
	_ = p.cmd.Process.Kill()
	_ = p.stdin.Close()
	_ = p.cmd.Wait()
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
func (p *blobProcess) failure(err error) error {
	if strings.TrimSpace(p.stderr.String()) != "" {
		return fmt.Errorf("gitlog: %w", newGitError([]string{"cat-file"}, err, p.stderr.String()))
	}
	return fmt.Errorf("gitlog: reading git cat-file output: %w", err)
}

// errClosed is what a Read after Close returns.
var errClosed = errors.New("gitlog: blob reader used after Close")

// Close waits for every Read in progress and ends the processes. A
// failure that a Read already returned is not reported again, and a
// second Close does nothing.
func (b *Blobs) Close() error {
	if errors.Is(b.failed(), errClosed) {
		return nil
	}
	var errs []error
	for range cap(b.free) {
		p := <-b.free
		if p == nil {
			continue
		}
		closeErr := p.stdin.Close()
		if err := errors.Join(closeErr, p.cmd.Wait()); err != nil {
			errs = append(errs, fmt.Errorf("gitlog: git cat-file: %w", err))
		}
	}
	prior := b.fail(errClosed) // before the slots are free: a Read waiting for one must see it
	for range cap(b.free) {
		b.free <- nil
	}
	if prior != errClosed {
		return nil // already reported by Read
	}
	return errors.Join(errs...)
}
