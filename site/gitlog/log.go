package gitlog

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// logFormat prints, NUL-separated, the fields of a commit header.
const logFormat = "--format=%H%x00%ct%x00%an%x00%s"

// logArgs list every non-merge commit reachable from HEAD, children before
// parents, each with its changed files in -z raw format (full blob ids,
// rename detection on). The whole-repository log is needed because renames
// can come from any path.
var logArgs = []string{
	"log", "-z", "--no-color", "--encoding=UTF-8", logFormat,
	"--raw", "--no-abbrev", "-M", "--no-merges", "--date-order", "--",
}

// commit is one commit header of the log and the files it changed.
type commit struct {
	hash    string
	time    time.Time
	author  string
	subject string
	changes []change
}

// change is one changed file of a commit. For renames src is the old path;
// otherwise src equals dst.
type change struct {
	status  byte   // A, C, D, M, R, T, U or X
	newMode string // mode after the commit, "000000" when deleted
	newOID  string // blob id after the commit
	src     string
	dst     string
}

// walkLog streams the log into w, newest commit first, and stops git as
// soon as w needs no older commits.
func (r *Repo) walkLog(w *walker) error {
	if w.done() {
		return nil
	}
	cmd := r.command(logArgs...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("gitlog: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("gitlog: starting git log: %w", err)
	}
	stopped, parseErr := feed(newLogReader(stdout), w)
	if stopped || parseErr != nil {
		_ = cmd.Process.Kill()
	}
	// After a kill the exit status means nothing, unless git had already
	// explained a failure on stderr.
	if waitErr := cmd.Wait(); waitErr != nil && !stopped && (parseErr == nil || stderr.Len() > 0) {
		return logError(newGitError(logArgs, waitErr, stderr.String()))
	}
	if parseErr != nil {
		return fmt.Errorf("gitlog: reading git log output: %w", parseErr)
	}
	return nil
}

// logError converts a failed git log into the error Log returns. A
// repository without commits has no history, which is not an error.
func logError(err error) error {
	if stderrContains(err, "does not have any commits yet") {
		return nil
	}
	return fmt.Errorf("gitlog: %w", err)
}

// feed passes commits from lr to w until the log ends or w is done. It
// reports whether it stopped early.
func feed(lr *logReader, w *walker) (stopped bool, err error) {
	for {
		c, err := lr.next()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		w.visit(c)
		if w.done() {
			return true, nil
		}
	}
}

// logReader parses `git log -z --raw` output produced with logFormat.
type logReader struct {
	br       *bufio.Reader
	pending  string // a token read ahead, if havePend
	havePend bool
}

// newLogReader returns a reader of the log on r.
func newLogReader(r io.Reader) *logReader {
	return &logReader{br: bufio.NewReaderSize(r, 64<<10)}
}

// token returns the next NUL-terminated field. A final field without a
// terminator is returned too; io.EOF means there are no more fields.
func (lr *logReader) token() (string, error) {
	if lr.havePend {
		lr.havePend = false
		return lr.pending, nil
	}
	s, err := lr.br.ReadString(0)
	if err == io.EOF {
		if strings.TrimSpace(s) == "" {
			return "", io.EOF
		}
		return s, nil
	}
	if err != nil {
		return "", err
	}
	return s[:len(s)-1], nil
}

// unread pushes tok back so that the next token call returns it.
func (lr *logReader) unread(tok string) {
	lr.pending, lr.havePend = tok, true
}

// next returns the next commit, or io.EOF at the end of the log.
func (lr *logReader) next() (*commit, error) {
	c, err := lr.header()
	if err != nil {
		return nil, err
	}
	for {
		tok, err := lr.token()
		if err == io.EOF {
			return c, nil
		}
		if err != nil {
			return nil, err
		}
		tok = strings.TrimLeft(tok, "\n")
		if !strings.HasPrefix(tok, ":") {
			lr.unread(tok)
			return c, nil
		}
		ch, err := lr.change(tok)
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", c.hash, err)
		}
		c.changes = append(c.changes, ch)
	}
}

// header reads the four header fields of a commit.
func (lr *logReader) header() (*commit, error) {
	var f [4]string
	for i := range f {
		tok, err := lr.token()
		if err == io.EOF && i > 0 {
			return nil, errors.New("log ends inside a commit header")
		}
		if err != nil {
			return nil, err
		}
		f[i] = tok
	}
	hash := strings.TrimLeft(f[0], "\n")
	if !isHash(hash) {
		return nil, fmt.Errorf("expected a commit hash, found %q", truncate(hash))
	}
	secs, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("commit %s: bad committer time %q", hash, truncate(f[1]))
	}
	return &commit{hash: hash, time: time.Unix(secs, 0).UTC(), author: f[2], subject: f[3]}, nil
}

// change parses one raw entry whose metadata token is meta, reading the one
// or two paths that follow it.
func (lr *logReader) change(meta string) (change, error) {
	fields := strings.Fields(meta[1:])
	if len(fields) != 5 || fields[4] == "" || !isHash(fields[3]) {
		return change{}, fmt.Errorf("bad raw diff entry %q", truncate(meta))
	}
	ch := change{status: fields[4][0], newMode: fields[1], newOID: fields[3]}
	src, err := lr.path()
	if err != nil {
		return change{}, err
	}
	ch.src, ch.dst = src, src
	if ch.status == 'R' || ch.status == 'C' {
		if ch.dst, err = lr.path(); err != nil {
			return change{}, err
		}
	}
	return ch, nil
}

// path reads one path token of a raw entry.
func (lr *logReader) path() (string, error) {
	p, err := lr.token()
	if err == io.EOF {
		return "", errors.New("log ends inside a raw diff entry")
	}
	return p, err
}

// isHash reports whether s looks like a full SHA-1 or SHA-256 object id.
func isHash(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// truncate shortens s for use in an error message.
func truncate(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
