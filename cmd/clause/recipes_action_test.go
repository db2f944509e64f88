package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionFile is the GitHub Action at the repository's root.
var actionFile = filepath.Join("..", "..", "action.yml")

// action is the part of an action.yml the tests read.
type action struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T, path string) action {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

// exprRE matches a GitHub Actions expression, ${{ … }}.
var exprRE = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// expander replaces ${{ name }} expressions with values; an expression
// it does not know fails the test, so a recipe cannot reference a value
// the test does not model.
type expander map[string]string

func (x expander) expand(t *testing.T, s string) string {
	t.Helper()
	return exprRE.ReplaceAllStringFunc(s, func(m string) string {
		v, ok := x[exprRE.FindStringSubmatch(m)[1]]
		if !ok {
			t.Errorf("unknown expression %s", m)
		}
		return v
	})
}

// readKeyValues reads a $GITHUB_OUTPUT or $GITHUB_ENV file of NAME=value
// lines.
func readKeyValues(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kv := map[string]string{}
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			kv[k] = v
		}
	}
	return kv
}

// runAction runs the clause action as the runner runs a composite action:
// its inputs from with (else their defaults), each shell step in the
// workspace dir with its env expanded, $GITHUB_ACTION_PATH set to the
// action's checkout and step outputs read from $GITHUB_OUTPUT. The
// setup-go step is checked rather than run: Go is already installed.
// It returns the action's outputs, what the steps printed and the error
// of the step that failed, after which no step runs.
func (e *recipeEnv) runAction(t *testing.T, dir string, with map[string]any, env []string) (map[string]string, string, error) {
	t.Helper()
	a := readAction(t, filepath.Join(e.checkout, "action.yml"))
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml runs using %q, not composite", a.Runs.Using)
	}
	x := expander{"github.action_path": e.checkout}
	for name, in := range a.Inputs {
		x["inputs."+name] = in.Default
	}
	for name, v := range with {
		if _, ok := a.Inputs[name]; !ok {
			t.Errorf("the action has no input %q", name)
		}
		x["inputs."+name] = fmt.Sprint(v)
	}
	temp := t.TempDir()
	var log strings.Builder
	for i, s := range a.Runs.Steps {
		if s.Uses != "" {
			e.checkSetupGo(t, x, s)
			continue
		}
		if s.Shell != "bash" {
			t.Errorf("action step %q: shell %q; a composite step needs shell: bash", s.Name, s.Shell)
		}
		out := filepath.Join(temp, fmt.Sprintf("output-%d", i))
		os.WriteFile(out, nil, 0o644)
		stepEnv := append([]string{"GITHUB_ACTION_PATH=" + e.checkout, "GITHUB_OUTPUT=" + out, "RUNNER_TEMP=" + temp}, env...)
		for k, v := range s.Env {
			stepEnv = append(stepEnv, k+"="+x.expand(t, v))
		}
		printed, err := e.run(dir, x.expand(t, s.Run), stepEnv...)
		log.WriteString(printed)
		if err != nil {
			return nil, log.String(), fmt.Errorf("step %q: %w", s.Name, err)
		}
		for k, v := range readKeyValues(t, out) {
			x["steps."+s.ID+".outputs."+k] = v
		}
	}
	outputs := map[string]string{}
	for name, o := range a.Outputs {
		outputs[name] = x.expand(t, o.Value)
	}
	return outputs, log.String(), nil
}

// checkSetupGo fails unless a step is actions/setup-go with the Go
// version of the action's own go.mod.
func (e *recipeEnv) checkSetupGo(t *testing.T, x expander, s step) {
	t.Helper()
	if !strings.HasPrefix(s.Uses, "actions/setup-go@") {
		t.Errorf("action step uses %s; the test runs only shell steps and setup-go", s.Uses)
		return
	}
	file := x.expand(t, fmt.Sprint(s.With["go-version-file"]))
	if file != filepath.Join(e.checkout, "go.mod") {
		t.Errorf("setup-go reads the Go version from %q, not the action's go.mod", file)
	}
}

// TestActionInputs runs the action with each input set: a site in a
// sub-folder, history from git, a base URL and extra arguments, then a
// strict check that must fail on a warning.
func TestActionInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds clause in a subprocess: skipped under -short (scripts/test runs it)")
	}
	e := newRecipeEnv(t)
	ws := t.TempDir()
	site := filepath.Join(ws, "site")
	if err := os.Rename(e.gitSite(t, false), site); err != nil {
		t.Fatal(err)
	}
	// history comes from the input alone.
	os.WriteFile(filepath.Join(site, "clause.yaml"), []byte("title: Example Privacy Center\n"), 0o644)
	outputs, log, err := e.runAction(t, ws, map[string]any{"source": "site", "destination": "out", "history": "git",
		"base-url": "https://example.com/center/", "args": "--drafts --quiet"}, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if outputs["destination"] != "out" || filepath.Base(outputs["clause"]) != "clause" {
		t.Errorf("outputs = %v", outputs)
	}
	if strings.Contains(log, "built ") {
		t.Errorf("--quiet from args was not passed to clause build:\n%s", log)
	}
	if _, err := os.Stat(filepath.Join(ws, "out", "privacy", "versions", "2020-01-01", "index.html")); err != nil {
		t.Errorf("history: git is not applied: %v", err)
	}
	if index, _ := os.ReadFile(filepath.Join(ws, "out", "index.html")); !strings.Contains(string(index), `href="/center/privacy/"`) {
		t.Error("base-url is not applied")
	}
	// A policy without a description is a warning: strict fails on it.
	os.WriteFile(filepath.Join(site, "content", "terms.md"), []byte("---\ntitle: Terms\neffective: 2020-01-01\n---\n\n## Use\n\nFair.\n"), 0o644)
	_, log, err = e.runAction(t, ws, map[string]any{"source": "site", "check": "strict"}, nil)
	if err == nil || !strings.Contains(log, "::warning file=") {
		t.Errorf("check: strict does not fail on a warning (error %v):\n%s", err, log)
	}
}
