package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// docsDir holds the publishing recipes.
var docsDir = filepath.Join("..", "..", "docs")

// workflow is the part of a GitHub Actions workflow the tests read.
type workflow struct {
	On   map[string]yaml.Node `yaml:"on"`
	Jobs map[string]struct {
		Needs any    `yaml:"needs"`
		Steps []step `yaml:"steps"`
	} `yaml:"jobs"`
}

type step struct {
	Name string `yaml:"name"`
	ID   string `yaml:"id"`
	Uses string `yaml:"uses"`
	Run  string `yaml:"run"`
	// Shell is the shell of a composite action's step.
	Shell string            `yaml:"shell"`
	With  map[string]any    `yaml:"with"`
	Env   map[string]string `yaml:"env"`
}

func readWorkflow(t *testing.T) workflow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(docsDir, "github-pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("github-pages.yml: %v", err)
	}
	return w
}

// netlifyCommands returns the build commands of docs/netlify.toml.
func netlifyCommands(t *testing.T) (build, preview string) {
	t.Helper()
	var cfg struct {
		Build struct {
			Command, Publish string
		}
		Context map[string]struct{ Command string }
	}
	if _, err := toml.DecodeFile(filepath.Join(docsDir, "netlify.toml"), &cfg); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	if cfg.Build.Publish != "public" {
		t.Errorf("netlify.toml publishes %q, not public", cfg.Build.Publish)
	}
	return cfg.Build.Command, cfg.Context["deploy-preview"].Command
}

// cloudflareCommand returns the build command of docs/cloudflare-pages.md.
func cloudflareCommand(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(docsDir, "cloudflare-pages.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("Build command:\n\n```sh\n(.*)\n```").FindSubmatch(data)
	if m == nil {
		t.Fatal("cloudflare-pages.md has no build command block")
	}
	return string(m[1])
}

// shellWords splits a shell command line into words, with "" between
// commands (at &&, ||, ;, |, parentheses and new lines).
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	quote := rune(0)
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote = r
		case r == ' ' || r == '\t':
			flush()
		case strings.ContainsRune("&|;()\n", r):
			flush()
			words = append(words, "")
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return words
}

// clauseCommands returns every clause invocation in a script: the words
// from the subcommand up to the end of the command. The program is a
// path ending in clause, or $CLAUSE as in action.yml; the output of go
// build -o and the package of go install are not invocations.
func clauseCommands(script string) [][]string {
	var out [][]string
	words := shellWords(script)
	for i, w := range words {
		if filepath.Base(w) != "clause" && w != "$CLAUSE" || i+1 >= len(words) || words[i+1] == "" ||
			(i > 0 && (words[i-1] == "install" || words[i-1] == "-o")) {
			continue
		}
		end := i + 1
		for end < len(words) && words[end] != "" {
			end++
		}
		out = append(out, words[i+1:end])
	}
	return out
}

// flagsOf lists the flags a subcommand defines, from its --help.
func flagsOf(t *testing.T, sub string) map[string]bool {
	t.Helper()
	status, stdout, _ := runCLI(t, sub, "--help")
	if status != exitOK {
		return nil
	}
	flags := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+--([a-z][a-z-]*)`).FindAllStringSubmatch(stdout, -1) {
		flags[m[1]] = true
	}
	return flags
}

// checkCommands fails for a clause command or flag the CLI does not have.
func checkCommands(t *testing.T, where, script string) int {
	t.Helper()
	n := 0
	for _, cmd := range clauseCommands(script) {
		n++
		flags := flagsOf(t, cmd[0])
		if flags == nil {
			t.Errorf("%s: clause %s: no such command", where, cmd[0])
			continue
		}
		for _, w := range cmd[1:] {
			name, _, _ := strings.Cut(strings.TrimLeft(w, "-"), "=")
			if strings.HasPrefix(w, "-") && w != "-" && !flags[name] {
				t.Errorf("%s: clause %s has no flag %s", where, cmd[0], w)
			}
		}
	}
	return n
}

func TestRecipeCommandsExist(t *testing.T) {
	t.Parallel()
	w := readWorkflow(t)
	n := 0
	for name, job := range w.Jobs {
		for _, s := range job.Steps {
			n += checkCommands(t, "github-pages.yml job "+name, s.Run)
		}
	}
	for _, s := range readAction(t, actionFile).Runs.Steps {
		n += checkCommands(t, "action.yml", s.Run)
	}
	build, preview := netlifyCommands(t)
	n += checkCommands(t, "netlify.toml", build) + checkCommands(t, "netlify.toml", preview)
	entries, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
	for _, doc := range entries {
		data, _ := os.ReadFile(doc)
		for _, block := range regexp.MustCompile("(?s)```(?:sh|yaml)\n(.*?)```").FindAllStringSubmatch(string(data), -1) {
			n += checkCommands(t, filepath.Base(doc), block[1])
		}
	}
	if n < 10 {
		t.Errorf("found only %d clause commands in the recipes", n)
	}
	if got := clauseCommands(`x && .bin/clause build --destination "public dir" --base-url "$U/"`); len(got) != 1 || strings.Join(got[0], "|") != "build|--destination|public dir|--base-url|$U/" {
		t.Errorf("clauseCommands: %q", got)
	}
	if got := clauseCommands(`go build -o "$PWD/.bin/clause" ./cmd/clause && "$CLAUSE" check`); len(got) != 1 || got[0][0] != "check" {
		t.Errorf("clauseCommands: %q", got)
	}
}

// TestRecipesBuildFromSource checks that no recipe installs clause with
// go install …@latest, which needs a published module: each uses the
// clause action or builds clause from a clone of its repository.
func TestRecipesBuildFromSource(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join(docsDir, "*"))
	files = append(files, actionFile, filepath.Join("..", "..", "README.md"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || strings.HasSuffix(f, "screenshots") {
			continue
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, "go install") && strings.Contains(line, "@") && !strings.Contains(line, "once the module is published") {
				t.Errorf("%s:%d: installs clause from a module proxy: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
	build, preview := netlifyCommands(t)
	for where, script := range map[string]string{"netlify.toml [build]": build, "netlify.toml [context.deploy-preview]": preview,
		"cloudflare-pages.md": cloudflareCommand(t)} {
		if !strings.Contains(script, "git clone --quiet --depth 1 "+clauseRepo) || !strings.Contains(script, "go build -C") {
			t.Errorf("%s does not build clause from a clone of %s:\n%s", where, clauseRepo, script)
		}
	}
}

// TestNetlifyUnshallows checks that both Netlify commands deepen a
// shallow clone before clause reads the history, and only a shallow one:
// git fetch --unshallow fails on a complete repository.
func TestNetlifyUnshallows(t *testing.T) {
	t.Parallel()
	build, preview := netlifyCommands(t)
	const deepen = `if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then git fetch --unshallow`
	for where, script := range map[string]string{"[build]": build, "[context.deploy-preview]": preview, "cloudflare-pages.md": cloudflareCommand(t)} {
		i, j := strings.Index(script, deepen), strings.Index(script, "clause check")
		if i < 0 || j < 0 || i > j {
			t.Errorf("%s does not deepen a shallow clone before clause runs:\n%s", where, script)
		}
	}
}

func TestGitHubPagesWorkflow(t *testing.T) {
	t.Parallel()
	w := readWorkflow(t)
	var cron yaml.Node
	if s := w.On["schedule"]; len(s.Content) > 0 {
		cron = *s.Content[0]
	}
	var sched struct{ Cron string }
	if err := cron.Decode(&sched); err != nil || len(strings.Fields(sched.Cron)) != 5 {
		t.Errorf("no daily schedule: %q %v", sched.Cron, err)
	}
	if _, ok := w.On["push"]; !ok {
		t.Error("the workflow does not run on push")
	}
	all := map[string]step{}
	var runs []string
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			all[strings.Split(s.Uses, "@")[0]] = s
			runs = append(runs, s.Run)
		}
	}
	if d, ok := all["actions/checkout"].With["fetch-depth"]; !ok || d != 0 {
		t.Errorf("checkout fetch-depth = %v; want 0", d)
	}
	for _, uses := range []string{"actions/upload-pages-artifact", "actions/deploy-pages", "clause-dev/clause"} {
		if _, ok := all[uses]; !ok {
			t.Errorf("no step uses %s", uses)
		}
	}
	if c := all["clause-dev/clause"]; c.With["destination"] != all["actions/upload-pages-artifact"].With["path"] {
		t.Errorf("the action builds into %v, but the artifact is %v", c.With["destination"], all["actions/upload-pages-artifact"].With["path"])
	}
	script := strings.Join(runs, "\n")
	for _, want := range []string{"git log -1 --format=%ct", "SOURCE_DATE_EPOCH", "$GITHUB_ENV"} {
		if !strings.Contains(script, want) {
			t.Errorf("no step runs %q", want)
		}
	}
}

// TestActionFile checks the clause action's shape: a composite action
// that sets up Go from its own go.mod, builds clause from its own
// checkout and runs clause check --format github and clause build with
// every input.
func TestActionFile(t *testing.T) {
	t.Parallel()
	a := readAction(t, actionFile)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q", a.Runs.Using)
	}
	for _, in := range []string{"source", "destination", "base-url", "history", "check", "args"} {
		if a.Inputs[in].Description == "" {
			t.Errorf("input %s is missing or undocumented", in)
		}
	}
	if !strings.Contains(a.Inputs["history"].Description, "fetch-depth: 0") {
		t.Error("the history input does not say that git needs fetch-depth: 0")
	}
	var script strings.Builder
	for _, s := range a.Runs.Steps {
		script.WriteString(s.Run)
		for _, v := range s.Env {
			script.WriteString(v + "\n")
		}
	}
	for _, want := range []string{`go build -C "$GITHUB_ACTION_PATH"`, "./cmd/clause", "check --format github", "build ",
		"${{ inputs.source }}", "${{ inputs.destination }}", "${{ inputs.base-url }}", "${{ inputs.history }}", "${{ inputs.check }}", "${{ inputs.args }}"} {
		if !strings.Contains(script.String(), want) {
			t.Errorf("action.yml does not run %q", want)
		}
	}
	if regexp.MustCompile(`\$\{\{\s*inputs\.`).MatchString(stepRuns(a)) {
		t.Error("an input is expanded into a run script; pass it through env, so its value cannot inject shell")
	}
}

// stepRuns joins the run scripts of an action's steps.
func stepRuns(a action) string {
	var runs []string
	for _, s := range a.Runs.Steps {
		runs = append(runs, s.Run)
	}
	return strings.Join(runs, "\n")
}
