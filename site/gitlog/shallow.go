package gitlog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// shallowMessage tells the user how to get the full history.
const shallowMessage = "git history is incomplete: this is a shallow clone. " +
	"Run `git fetch --unshallow`, or set `fetch-depth: 0` in actions/checkout."

// ShallowError is returned by Log for a shallow clone, whose truncated
// history would make the oldest versions of every file look like additions.
type ShallowError struct {
	Dir string // top level of the work tree
}

// Error returns the actionable message for a shallow clone.
func (e *ShallowError) Error() string { return shallowMessage }

// isShallow reports whether the repository is a shallow clone.
func (r *Repo) isShallow() (bool, error) {
	out, err := r.output("rev-parse", "--is-shallow-repository")
	if err != nil {
		return false, fmt.Errorf("gitlog: %w", err)
	}
	switch strings.TrimSpace(string(out)) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	// Git before 2.15 echoes the unknown option; look for the shallow file.
	return r.hasShallowFile()
}

// hasShallowFile reports whether the repository has a shallow file, which
// lists the grafted commits of a shallow clone.
func (r *Repo) hasShallowFile() (bool, error) {
	out, err := r.output("rev-parse", "--git-path", "shallow")
	if err != nil {
		return false, fmt.Errorf("gitlog: %w", err)
	}
	p := strings.TrimSpace(string(out))
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.top, p)
	}
	_, err = os.Stat(p)
	if os.IsNotExist(err) {
		return false, nil
	}
	return err == nil, err
}

// checkShallow returns a *ShallowError when the repository is shallow.
func (r *Repo) checkShallow() error {
	shallow, err := r.isShallow()
	if err != nil {
		return err
	}
	if shallow {
		return &ShallowError{Dir: r.top}
	}
	return nil
}
