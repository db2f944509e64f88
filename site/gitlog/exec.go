package gitlog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
)

// globalArgs precede every git subcommand. They pin the configuration that
// would otherwise change the output this package parses.
var globalArgs = []string{
	"--no-pager",
	"-c", "core.quotepath=false",
	"-c", "log.showSignature=false",
	"-c", "log.showRoot=true",
	"-c", "color.ui=false",
}

// command returns a git command running in the top level of r with a clean
// environment.
func (r *Repo) command(args ...string) *exec.Cmd {
	cmd := exec.Command(r.git, slices.Concat(globalArgs, args)...)
	cmd.Dir = r.top
	cmd.Env = cleanEnv(os.Environ())
	return cmd
}

// output runs git with args and returns its standard output. A failure is
// reported as a *gitError carrying git's trimmed standard error.
func (r *Repo) output(args ...string) ([]byte, error) {
	cmd := r.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, newGitError(args, err, stderr.String())
	}
	return out, nil
}

// cleanEnv returns env without any GIT_* or locale variables, plus the
// settings that make git's output deterministic. HOME is kept so that the
// user's safe.directory settings still apply.
func cleanEnv(env []string) []string {
	out := make([]string, 0, len(env)+6)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		name = strings.ToUpper(name)
		if strings.HasPrefix(name, "GIT_") || strings.HasPrefix(name, "LC_") ||
			name == "LANG" || name == "LANGUAGE" || name == "PAGER" {
			continue
		}
		out = append(out, kv)
	}
	return append(out,
		"LC_ALL=C",
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_PAGER=cat",
		"PAGER=cat",
		"GIT_TERMINAL_PROMPT=0",
		"GIT_OPTIONAL_LOCKS=0",
	)
}

// gitError is a failed git invocation.
type gitError struct {
	subcommand string
	stderr     string // trimmed
	err        error
}

// newGitError describes the failure err of git args with its standard error.
func newGitError(args []string, err error, stderr string) *gitError {
	sub := "git"
	if len(args) > 0 {
		sub = args[0]
	}
	return &gitError{subcommand: sub, stderr: strings.TrimSpace(stderr), err: err}
}

// Error returns git's standard error, or the process error when git printed
// nothing.
func (e *gitError) Error() string {
	if e.stderr == "" {
		return fmt.Sprintf("git %s: %v", e.subcommand, e.err)
	}
	return fmt.Sprintf("git %s: %s", e.subcommand, e.stderr)
}

// Unwrap returns the process error.
func (e *gitError) Unwrap() error { return e.err }

// stderrContains reports whether err is a *gitError whose standard error
// contains s.
func stderrContains(err error, s string) bool {
	var ge *gitError
	return errors.As(err, &ge) && strings.Contains(ge.stderr, s)
}
