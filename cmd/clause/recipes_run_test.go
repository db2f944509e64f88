package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// clauseRepo is the address the recipes clone clause from. The tests
// clone a local copy of this checkout instead.
const clauseRepo = "https://github.com/clause-dev/clause.git"

// recipeEnv prepares what running a recipe needs: bash, git, go, GNU date
// and jq, and a git repository holding this checkout's source, which
// stands for both the action's own checkout and the repository the
// recipes clone.
type recipeEnv struct {
	bin      string // holds fakes of tools the recipes call (aws)
	home     string
	checkout string   // the copy of clause's source, committed
	goEnv    []string // the Go caches of the test's own go, so builds hit them
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
	e := &recipeEnv{bin: t.TempDir(), home: t.TempDir(), checkout: t.TempDir()}
	for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		e.goEnv = append(e.goEnv, name+"="+strings.TrimSpace(string(out)))
	}
	e.goEnv = append(e.goEnv, "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly")
	e.copySource(t)
	return e
}

// copySource commits the files of this checkout that building clause
// needs (tracked or new, as they are in the working tree, without tests,
// test data and docs) into e.checkout, so the recipes build the code
// under test.
func (e *recipeEnv) copySource(t *testing.T) {
	t.Helper()
	root := filepath.Join("..", "..")
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("not a git checkout (%v): recipes are not run", err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if strings.HasSuffix(name, "_test.go") || strings.Contains("/"+name, "/testdata/") ||
			strings.HasPrefix(name, "docs/") || strings.HasPrefix(name, "e2e/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(e.checkout, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e.git(t, e.checkout, "2026-01-01T00:00:00Z", "init", "-q")
	e.git(t, e.checkout, "2026-01-01T00:00:00Z", "add", ".")
	e.git(t, e.checkout, "2026-01-01T00:00:00Z", "commit", "-q", "-m", "clause")
}

// git runs git in dir with a fixed author and commit date.
func (e *recipeEnv) git(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+e.home, "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
		"GIT_COMMITTER_EMAIL=t@example.com", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// fromCheckout rewrites a recipe to clone clause from the local copy,
// failing the test when the recipe does not clone clause's repository.
func (e *recipeEnv) fromCheckout(t *testing.T, where, script string) string {
	t.Helper()
	if !strings.Contains(script, "git clone") || !strings.Contains(script, clauseRepo) {
		t.Fatalf("%s does not build clause from a clone of %s:\n%s", where, clauseRepo, script)
	}
	return strings.ReplaceAll(script, clauseRepo, "file://"+e.checkout)
}

// today is the current UTC date, the day a daily build runs on.
func today() string { return time.Now().UTC().Format("2006-01-02") }

// gitSite makes a site with history: git in a repository of two commits,
// both years old: the privacy policy's text as it was in 2020, and its
// current text, which takes effect today. With shallow, it returns a
// clone of depth 1, as Netlify and Cloudflare Pages make.
func (e *recipeEnv) gitSite(t *testing.T, shallow bool) string {
	t.Helper()
	policy := func(revised, effective, text string) string {
		return "---\ntitle: Privacy\ndescription: What we collect.\nlast_revised: " + revised + "\neffective: " + effective +
			"\nsummary: Shorter retention.\n---\n\n## Data\n\n" + text + "\n"
	}
	dir := writeSite(t, map[string]string{
		"clause.yaml":        "title: Example Privacy Center\nhistory: git\nredirects:\n  /old-privacy/: /privacy/\n",
		"content/privacy.md": policy("2020-01-01", "2020-01-01", "More."),
	})
	e.git(t, dir, "2020-01-02T00:00:00Z", "init", "-q")
	e.git(t, dir, "2020-01-02T00:00:00Z", "add", ".")
	e.git(t, dir, "2020-01-02T00:00:00Z", "commit", "-q", "-m", "privacy")
	os.WriteFile(filepath.Join(dir, "content", "privacy.md"), []byte(policy("2021-01-01", today(), "Little.")), 0o644)
	e.git(t, dir, "2021-01-02T00:00:00Z", "commit", "-q", "-am", "shorter retention")
	if !shallow {
		return dir
	}
	clone := filepath.Join(t.TempDir(), "site")
	e.git(t, dir, "2021-01-02T00:00:00Z", "clone", "-q", "--depth", "1", "file://"+dir, clone)
	if out, _ := exec.Command("git", "-C", clone, "rev-parse", "--is-shallow-repository").Output(); strings.TrimSpace(string(out)) != "true" {
		t.Fatalf("the clone is not shallow: %q", out)
	}
	return clone
}

// run runs a script with bash in dir, as CI runners do (-e, pipefail),
// and returns what it printed.
func (e *recipeEnv) run(dir, script string, env ...string) (string, error) {
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+e.home, "PATH="+e.bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"SOURCE_DATE_EPOCH=", "CLAUSE_BASE_URL=", "CLAUSE_DESTINATION=", "CI=")
	cmd.Env = append(append(cmd.Env, e.goEnv...), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// sh is run that fails the test when the script fails.
func (e *recipeEnv) sh(t *testing.T, dir, script string, env ...string) string {
	t.Helper()
	out, err := e.run(dir, script, env...)
	if err != nil {
		t.Fatalf("%v\n%s\nscript:\n%s", err, out, script)
	}
	return out
}

// checkBuilt checks a site built from gitSite: the version effective
// today is current and the 2020 text, which only the whole history
// holds, has its version page.
func checkBuilt(t *testing.T, public string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(public, "policies.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`"current": \{\s*"effective": "([0-9-]+)"`).FindSubmatch(data)
	if m == nil || string(m[1]) != today() {
		t.Errorf("the version effective today is not current:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(public, "privacy", "versions", "2020-01-01", "index.html")); err != nil {
		t.Errorf("the version from the git history is missing: %v", err)
	}
}

// TestRecipesRun runs the recipes' own shell: the GitHub Pages workflow's
// steps with the clause action's, the Netlify build and deploy-preview
// commands and the Cloudflare Pages build command on shallow clones, and
// the S3 deploy commands (against a fake aws), on a site whose policy
// takes effect today but whose last commit is years old, as on a
// scheduled daily build. Every recipe builds clause from a clone of this
// checkout.
func TestRecipesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds clause and runs it in subprocesses: skipped under -short (scripts/test runs it)")
	}
	e := newRecipeEnv(t)
	t.Run("github-pages", func(t *testing.T) { e.runWorkflow(t) })
	t.Run("netlify", func(t *testing.T) {
		build, _ := netlifyCommands(t)
		dir := e.gitSite(t, true)
		e.sh(t, dir, e.fromCheckout(t, "netlify.toml [build]", build), "URL=https://example.netlify.app")
		checkBuilt(t, filepath.Join(dir, "public"))
		redirects, _ := os.ReadFile(filepath.Join(dir, "public", "_redirects"))
		if !strings.Contains(string(redirects), "/old-privacy/ /privacy/ 301") {
			t.Errorf("_redirects:\n%s", redirects)
		}
	})
	t.Run("netlify-deploy-preview", func(t *testing.T) {
		_, preview := netlifyCommands(t)
		dir := e.gitSite(t, true)
		e.sh(t, dir, e.fromCheckout(t, "netlify.toml [context.deploy-preview]", preview), "DEPLOY_PRIME_URL=https://deploy-preview-7--example.netlify.app")
		checkBuilt(t, filepath.Join(dir, "public"))
		if index, _ := os.ReadFile(filepath.Join(dir, "public", "index.html")); !strings.Contains(string(index), `<link rel="canonical" href="https://deploy-preview-7--example.netlify.app/">`) {
			t.Error("the deploy preview's URL is not the base URL")
		}
	})
	t.Run("cloudflare-pages", func(t *testing.T) {
		dir := e.gitSite(t, true)
		e.sh(t, dir, e.fromCheckout(t, "cloudflare-pages.md", cloudflareCommand(t)), "CLAUSE_BASE_URL=https://privacy.example.com/")
		checkBuilt(t, filepath.Join(dir, "public"))
	})
	t.Run("s3", func(t *testing.T) { e.runS3(t) })
}

// runWorkflow runs the build job's steps in order, carrying $GITHUB_ENV
// between them as the runner does: shell steps as they are, and the
// clause action's steps from the copy of this checkout.
func (e *recipeEnv) runWorkflow(t *testing.T) {
	dir := e.gitSite(t, false)
	envFile := filepath.Join(t.TempDir(), "github_env")
	os.WriteFile(envFile, nil, 0o644)
	x := expander{"steps.pages.outputs.base_url": "https://example.github.io/policies"}
	var log strings.Builder
	ranAction := false
	for _, s := range readWorkflow(t).Jobs["build"].Steps {
		env := []string{"GITHUB_ENV=" + envFile}
		for k, v := range readKeyValues(t, envFile) {
			env = append(env, k+"="+v)
		}
		for k, v := range s.Env {
			env = append(env, k+"="+x.expand(t, v))
		}
		switch {
		case strings.HasPrefix(s.Uses, "clause-dev/clause@"):
			with := map[string]any{}
			for k, v := range s.With {
				with[k] = x.expand(t, v.(string))
			}
			_, printed, err := e.runAction(t, dir, with, env)
			log.WriteString(printed)
			if err != nil {
				t.Fatalf("the clause action: %v\n%s", err, printed)
			}
			ranAction = true
		case s.Run != "":
			log.WriteString(e.sh(t, dir, x.expand(t, s.Run), env...))
		}
	}
	if !ranAction {
		t.Fatal("the workflow does not use the clause action (uses: clause-dev/clause@…)")
	}
	if strings.Contains(log.String(), "::error") || strings.Contains(log.String(), "::warning") {
		t.Errorf("clause check annotated problems:\n%s", log.String())
	}
	public := filepath.Join(dir, "public")
	checkBuilt(t, public)
	index, _ := os.ReadFile(filepath.Join(public, "index.html"))
	if !strings.Contains(string(index), `href="/policies/privacy/"`) {
		t.Error("the base URL from configure-pages is not applied")
	}
}

// runS3 runs the deploy commands of docs/s3-cloudfront.md, which build
// clause from a clone, build the site and call docs/s3-deploy.sh, against
// a fake aws that logs its calls.
func (e *recipeEnv) runS3(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(docsDir, "s3-cloudfront.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Deploying\n.*?```sh\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("s3-cloudfront.md has no deploy commands")
	}
	script := filepath.Join(docsDir, "s3-deploy.sh")
	if out, err := exec.Command("bash", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("bash -n s3-deploy.sh: %v\n%s", err, out)
	}
	dir := e.gitSite(t, false)
	data, _ := os.ReadFile(script)
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "s3-deploy.sh"), data, 0o755)
	logFile := filepath.Join(t.TempDir(), "aws.log")
	fakeAWS := "#!/usr/bin/env bash\n(IFS=$'\\x1f'; printf '%s\\n' \"$*\") >> \"" + logFile + "\"\n"
	os.WriteFile(filepath.Join(e.bin, "aws"), []byte(fakeAWS), 0o755)
	e.sh(t, dir, e.fromCheckout(t, "s3-cloudfront.md", string(m[1])))
	public := filepath.Join(dir, "public")
	checkBuilt(t, public)
	e.checkAWSCalls(t, logFile)
}

// checkAWSCalls checks the calls s3-deploy.sh made: each kind of file
// with its type, redirects as objects, the invalidation, and no upload
// of _redirects.
func (e *recipeEnv) checkAWSCalls(t *testing.T, logFile string) {
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
		{"s3api", "put-object", "--bucket", "privacy-example-com", "--key", "old-privacy/index.html", "--body", "public/old-privacy/index.html", "--website-redirect-location", "/privacy/"},
		{"cloudfront", "create-invalidation", "--distribution-id", "E2QWRUHEXAMPLE", "--paths", "/*"},
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
