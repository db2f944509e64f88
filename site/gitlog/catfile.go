package gitlog

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// maxBlobSize bounds the size a cat-file header may announce, so that odd
// output cannot make a read allocate without limit.
const maxBlobSize = 1 << 30

// catFile is one running `git cat-file --batch` process. Blob ids are
// written to it while the log is still being read, and a goroutine collects
// the contents, so that the two git processes work in parallel.
type catFile struct {
	cmd      *exec.Cmd
	stdin    io.WriteCloser
	stderr   bytes.Buffer
	sent     map[string]bool
	writeErr error
	done     chan struct{} // closed when the reader goroutine returns
	blobs    map[string][]byte
	readErr  error
}

// startBatch starts `git cat-file --batch` with its standard error going
// to stderr, and returns it with its input and output.
func (r *Repo) startBatch(stderr io.Writer) (*exec.Cmd, io.WriteCloser, io.ReadCloser, error) {
	cmd := r.command("cat-file", "--batch")
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("gitlog: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("gitlog: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, nil, fmt.Errorf("gitlog: starting git cat-file: %w", err)
	}
	growPipe(stdout)
	return cmd, stdin, stdout, nil
}

// startCatFile starts a cat-file process and the goroutine reading its
// output.
func (r *Repo) startCatFile() (*catFile, error) {
	c := &catFile{sent: map[string]bool{}, done: make(chan struct{}), blobs: map[string][]byte{}}
	cmd, stdin, stdout, err := r.startBatch(&c.stderr)
	if err != nil {
		return nil, err
	}
	c.cmd, c.stdin = cmd, stdin
	go func() {
		defer close(c.done)
		c.readErr = readResponses(bufio.NewReaderSize(stdout, 64<<10), c.blobs)
		if c.readErr != nil {
			_ = c.cmd.Process.Kill() // unblocks request, which may be writing
		}
	}()
	return c, nil
}

// request asks for the content of blob oid, once. A failure to write is
// reported by finish.
func (c *catFile) request(oid string) {
	if c.sent[oid] || c.writeErr != nil {
		return
	}
	c.sent[oid] = true
	_, c.writeErr = io.WriteString(c.stdin, oid+"\n")
}

// finish ends the input, waits for every requested content and returns
// them keyed by blob id.
func (c *catFile) finish() (map[string][]byte, error) {
	closeErr := c.stdin.Close()
	<-c.done
	waitErr := c.cmd.Wait()
	if err := c.failure(errors.Join(c.writeErr, closeErr), waitErr); err != nil {
		return nil, err
	}
	for oid := range c.sent {
		if _, ok := c.blobs[oid]; !ok {
			return nil, fmt.Errorf("gitlog: git cat-file did not return blob %s", oid)
		}
	}
	return c.blobs, nil
}

// abort stops the process without waiting for its output.
func (c *catFile) abort() {
	_ = c.cmd.Process.Kill()
	_ = c.stdin.Close()
	<-c.done
	_ = c.cmd.Wait()
}

// failure picks the most telling error of the run: git's own complaint
// first, then what went wrong reading or writing.
func (c *catFile) failure(writeErr, waitErr error) error {
	if strings.TrimSpace(c.stderr.String()) != "" && (c.readErr != nil || waitErr != nil) {
		return fmt.Errorf("gitlog: %w", newGitError([]string{"cat-file"}, waitErr, c.stderr.String()))
	}
	if c.readErr != nil {
		return fmt.Errorf("gitlog: reading git cat-file output: %w", c.readErr)
	}
	if err := errors.Join(writeErr, waitErr); err != nil {
		return fmt.Errorf("gitlog: git cat-file: %w", err)
	}
	return nil
}

// readResponses reads "<oid> blob <size>\n<content>\n" responses until the
// end of the output and stores each content in blobs.
func readResponses(br *bufio.Reader, blobs map[string][]byte) error {
	for {
		oid, size, err := readHeader(br)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		content := make([]byte, size+1) // the content is followed by "\n"
		if _, err := io.ReadFull(br, content); err != nil {
			return fmt.Errorf("blob %s: %w", oid, unexpectedEOF(err))
		}
		if content[size] != '\n' {
			return fmt.Errorf("blob %s: content is not followed by a newline", oid)
		}
		blobs[oid] = content[:size:size]
	}
}

// readHeader reads the header line that precedes a content and returns the
// object id and size. It returns io.EOF only at a clean end of output.
func readHeader(br *bufio.Reader) (string, int, error) {
	line, err := br.ReadString('\n')
	if err == io.EOF && line == "" {
		return "", 0, io.EOF
	}
	if err != nil {
		return "", 0, fmt.Errorf("header %q: %w", truncate(line), unexpectedEOF(err))
	}
	fields := strings.Fields(line)
	if len(fields) == 2 {
		return "", 0, fmt.Errorf("object %s is %s", truncate(fields[0]), truncate(fields[1]))
	}
	if len(fields) != 3 || !isHash(fields[0]) || fields[1] != "blob" {
		return "", 0, fmt.Errorf("unexpected header %q", truncate(strings.TrimSpace(line)))
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil || size < 0 || size > maxBlobSize {
		return "", 0, fmt.Errorf("blob %s: bad size %q", fields[0], truncate(fields[2]))
	}
	return fields[0], size, nil
}

// unexpectedEOF turns io.EOF, which here means truncated output, into
// io.ErrUnexpectedEOF.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
