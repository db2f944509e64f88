package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// skipEnv names the variable that lets the browser tests skip quietly
// when Chromium or axe-core is missing: CLAUSE_E2E_BROWSER=skip.
const skipEnv = "CLAUSE_E2E_BROWSER"

// skipped collects why browser tests were skipped for a missing
// dependency, so that TestMain can say so once.
var skipped struct {
	sync.Mutex
	reasons map[string]int // reason → tests skipped for it
}

// noteSkip records that a test skipped for reason.
func noteSkip(reason string) {
	skipped.Lock()
	defer skipped.Unlock()
	if skipped.reasons == nil {
		skipped.reasons = map[string]int{}
	}
	skipped.reasons[reason]++
}

// skipReport describes the skips noteSkip recorded, one line each, or
// returns "" when there were none.
func skipReport() string {
	skipped.Lock()
	defer skipped.Unlock()
	var lines []string
	for reason, n := range skipped.reasons {
		tests := "tests"
		if n == 1 {
			tests = "test"
		}
		lines = append(lines, fmt.Sprintf("e2e: %d browser %s skipped: %s\n", n, tests, reason))
	}
	sort.Strings(lines)
	s := ""
	for _, l := range lines {
		s += l
	}
	return s
}

// TestMain fails the package when browser tests skipped for a missing
// dependency, unless CLAUSE_E2E_BROWSER=skip asks for that. go test
// prints only "ok" for a package that passes, whatever its tests wrote,
// so a quiet skip would look like a browser suite that ran and passed.
// Under -short the browser tests skip by design and this does not apply.
func TestMain(m *testing.M) {
	code := m.Run()
	if report := skipReport(); report != "" && code == 0 && os.Getenv(skipEnv) != "skip" {
		fmt.Fprint(os.Stderr, report)
		fmt.Fprintf(os.Stderr, "e2e: the browser tests did not run. Install what they need with scripts/install-browser-deps,\n"+
			"or skip them knowingly: go test -short ./e2e/ (skips every browser test) or %s=skip go test ./e2e/\n", skipEnv)
		code = 1
	}
	os.Exit(code)
}

// TestMissingBrowserIsLoud runs go test on this package in a subprocess
// with neither Chromium nor axe-core: it must fail with a line saying the browser tests
// were skipped and why, and pass only with CLAUSE_E2E_BROWSER=skip.
func TestMissingBrowserIsLoud(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test in a subprocess: skipped under -short (scripts/test runs it)")
	}
	if os.Getenv("CLAUSE_E2E_INNER") != "" {
		t.Skip("inside the subprocess")
	}
	run := func(env ...string) (string, error) {
		cmd := exec.Command("go", "test", "-count=1", "-run", "^TestBrowserAccessibility$", ".")
		none := t.TempDir()
		cmd.Env = append(os.Environ(), append([]string{"CHROMIUM=" + filepath.Join(none, "chromium"), "CLAUSE_E2E_NPM=" + none,
			"CLAUSE_E2E_INNER=1", "CI=", skipEnv + "="}, env...)...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run()
	if err == nil || !strings.Contains(out, "e2e: 1 browser test skipped: axe-core not found at") ||
		!strings.Contains(out, "scripts/install-browser-deps") || !strings.Contains(out, "FAIL") {
		t.Errorf("without axe-core and chromium, go test ./e2e/ does not fail loudly (err %v):\n%s", err, out)
	}
	if out, err := run(skipEnv + "=skip"); err != nil || !strings.HasPrefix(out, "ok") {
		t.Errorf("with %s=skip, go test ./e2e/ does not pass (err %v):\n%s", skipEnv, err, out)
	}
}
