package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// recipeEnv prepares what running a recipe needs: bash, git, GNU date,
// jq, the clause binary and a fake go that "installs" it.
type recipeEnv struct {
	bin    string // holds clause and the fake go
	home   string
	binary string
}

func newRecipeEnv(t *testing.T) *recipeEnv {
	t.Helper()
	for _, tool := range []string{"bash", "git", "go", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found: recipes are not run", tool)
		}
	}
	if exec.Command("date", "-u", "-d", "2026-01-01", "+%s").Run() != nil {
		t.Skip("date is not GNU date: recipes are not run")
	}
	e := &recipeEnv{bin: t.TempDir(), home: t.TempDir()}
	e.binary = filepath.Join(e.bin, "clause-under-test")
	if out, err := exec.Command("go", "build", "-o", e.binary, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	fakeGo := "#!/bin/sh\n[ \"$1\" = install ] || { echo \"fake go: $*\" >&2; exit 1; }\nbin=\"${GOBIN:-$HOME/go/bin}\"\nmkdir -p \"$bin\" && cp \"" + e.binary + "\" \"$bin/clause\"\n"
	if err := os.WriteFile(filepath.Join(e.bin, "go"), []byte(fakeGo), 0o755); err != nil {
		t.Fatal(err)
	}
	return e
}

// today is the current UTC date, the day a daily build runs on.
func today() string { return time.Now().UTC().Format("2006-01-02") }

// gitSite writes a site whose privacy policy takes effect today, commits
// it with an old date, and returns its folder.
func (e *recipeEnv) gitSite(t *testing.T) string {
	t.Helper()
	dir := writeSite(t, map[string]string{
		"clause.yaml": "title: Example Privacy Center\nredirects:\n  /old-privacy/: /privacy/\n",
		"content/privacy.md": "---\ntitle: Privacy\ndescription: What we collect.\nlast_revised: 2021-01-01\neffective: " + today() +
			"\nsummary: Shorter retention.\n---\n\n## Data\n\nLittle.\n",
		"content/privacy/versions/2020-01-01.md": "---\ntitle: Privacy\nlast_revised: 2020-01-01\n---\n\n## Data\n\nMore.\n",
	})
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "policies"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_AUTHOR_DATE=2021-01-02T00:00:00Z", "GIT_COMMITTER_DATE=2021-01-02T00:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

// sh runs a script with bash in dir, as CI runners do (-e, pipefail).
func (e *recipeEnv) sh(t *testing.T, dir, script string, env ...string) string {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+e.home, "PATH="+e.bin+string(os.PathListSeparator)+filepath.Join(e.home, "go", "bin")+
		string(os.PathListSeparator)+os.Getenv("PATH"), "SOURCE_DATE_EPOCH=", "CLAUSE_BASE_URL=", "CLAUSE_DESTINATION=")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s\nscript:\n%s", err, out, script)
	}
	return string(out)
}

// currentEffective returns the effective date of the privacy policy's
// current version in a built site.
func currentEffective(t *testing.T, public string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(public, "policies.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`"current": \{\s*"effective": "([0-9-]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("no current version in policies.json:\n%s", data)
	}
	return string(m[1])
}

// TestRecipesRun runs the recipes' own shell: the GitHub Pages workflow's
// steps, the Netlify and Cloudflare Pages build commands and the S3 deploy
// script (against a fake aws), on a site whose policy takes effect today
// but whose last commit is years old, as on a scheduled daily build.
func TestRecipesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the clause binary and runs it in subprocesses: skipped under -short (scripts/test runs it)")
	}
	e := newRecipeEnv(t)
	t.Run("github-pages", func(t *testing.T) { e.runWorkflow(t) })
	t.Run("netlify", func(t *testing.T) {
		build, _ := netlifyCommands(t)
		dir := e.gitSite(t)
		e.sh(t, dir, build, "URL=https://example.netlify.app")
		if currentEffective(t, filepath.Join(dir, "public")) != today() {
			t.Error("the version effective today is not current")
		}
		redirects, _ := os.ReadFile(filepath.Join(dir, "public", "_redirects"))
		if !strings.Contains(string(redirects), "/old-privacy/ /privacy/ 301") {
			t.Errorf("_redirects:\n%s", redirects)
		}
		e.runS3(t, filepath.Join(dir, "public"))
	})
	t.Run("cloudflare-pages", func(t *testing.T) {
		dir := e.gitSite(t)
		e.sh(t, dir, cloudflareCommand(t), "CLAUSE_BASE_URL=https://privacy.example.com/")
		if _, err := os.Stat(filepath.Join(dir, "public", "_redirects")); err != nil {
			t.Error(err)
		}
	})
}

// runWorkflow runs the build job's shell steps in order, carrying
// $GITHUB_ENV between them as the runner does.
func (e *recipeEnv) runWorkflow(t *testing.T) {
	dir := e.gitSite(t)
	envFile := filepath.Join(t.TempDir(), "github_env")
	os.WriteFile(envFile, nil, 0o644)
	expr := regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)
	values := map[string]string{"steps.pages.outputs.base_url": "https://example.github.io/policies"}
	expand := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			v, ok := values[expr.FindStringSubmatch(m)[1]]
			if !ok {
				t.Errorf("unknown expression %s", m)
			}
			return v
		})
	}
	var log strings.Builder
	for _, s := range readWorkflow(t).Jobs["build"].Steps {
		if s.Run == "" {
			continue
		}
		env := []string{"GITHUB_ENV=" + envFile}
		f, _ := os.Open(envFile)
		for sc := bufio.NewScanner(f); sc.Scan(); {
			env = append(env, sc.Text())
		}
		f.Close()
		for k, v := range s.Env {
			env = append(env, k+"="+expand(v))
		}
		log.WriteString(e.sh(t, dir, expand(s.Run), env...))
	}
	if strings.Contains(log.String(), "::error") || strings.Contains(log.String(), "::warning") {
		t.Errorf("clause check annotated problems:\n%s", log.String())
	}
	public := filepath.Join(dir, "public")
	if currentEffective(t, public) != today() {
		t.Error("the scheduled build does not make the version effective today current")
	}
	index, _ := os.ReadFile(filepath.Join(public, "index.html"))
	if !strings.Contains(string(index), `href="/policies/privacy/"`) {
		t.Error("the base URL from configure-pages is not applied")
	}
}

// runS3 runs docs/s3-deploy.sh against a fake aws that logs its calls.
func (e *recipeEnv) runS3(t *testing.T, public string) {
	script := filepath.Join(docsDir, "s3-deploy.sh")
	if out, err := exec.Command("bash", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("bash -n s3-deploy.sh: %v\n%s", err, out)
	}
	logFile := filepath.Join(t.TempDir(), "aws.log")
	fakeAWS := "#!/usr/bin/env bash\n(IFS=$'\\x1f'; printf '%s\\n' \"$*\") >> \"" + logFile + "\"\n"
	os.WriteFile(filepath.Join(e.bin, "aws"), []byte(fakeAWS), 0o755)
	abs, _ := filepath.Abs(script)
	e.sh(t, t.TempDir(), "bash "+abs+" "+public, "BUCKET=privacy-bucket", "DISTRIBUTION_ID=E123")
	data, _ := os.ReadFile(logFile)
	calls := strings.Split(strings.TrimSpace(string(data)), "\n")
	has := func(parts ...string) bool {
		for _, c := range calls {
			if strings.Contains("\x1f"+c+"\x1f", "\x1f"+strings.Join(parts, "\x1f")+"\x1f") {
				return true
			}
		}
		return false
	}
	for _, want := range [][]string{
		{"--include", "*.html", "--exclude", "_redirects"},
		{"--content-type", "text/html; charset=utf-8"},
		{"--include", "*.xml", "--exclude", "sitemap.xml"},
		{"--content-type", "application/atom+xml; charset=utf-8"},
		{"--include", "sitemap.xml"},
		{"s3api", "put-object", "--bucket", "privacy-bucket", "--key", "old-privacy/index.html", "--body", public + "/old-privacy/index.html", "--website-redirect-location", "/privacy/"},
		{"cloudfront", "create-invalidation", "--distribution-id", "E123", "--paths", "/*"},
	} {
		if !has(want...) {
			t.Errorf("no aws call with %q in:\n%s", want, strings.ReplaceAll(string(data), "\x1f", " "))
		}
	}
	for _, c := range calls {
		if strings.HasPrefix(c, "s3\x1fsync") && !strings.Contains(c, "--exclude\x1f_redirects") {
			t.Errorf("a sync uploads _redirects: %s", strings.ReplaceAll(c, "\x1f", " "))
		}
	}
}
