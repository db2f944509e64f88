package site

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// The tests below build repositories shaped like the policy repositories
// companies keep: undated files edited several times a day, bulk
// front-matter commits, white-space fixes, a move into content/, broken
// old commits. Every text is written for a fictional company.

// gitRepo is a repository built commit by commit.
type gitRepo struct {
	t   *testing.T
	dir string
}

// newGitRepo returns an empty repository, or skips the test without git.
func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	git(t, r.dir, "2020-01-01", "init", "-q", "-b", "main")
	return r
}

// commit writes files and commits everything at when (RFC 3339).
func (r *gitRepo) commit(when, msg string, files map[string]string) {
	r.t.Helper()
	commit(r.t, r.dir, when, msg, files)
}

// move commits a `git mv` of from to to, changing nothing else.
func (r *gitRepo) move(when, msg, from, to string) {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Join(r.dir, filepath.Dir(to)), 0o755); err != nil {
		r.t.Fatal(err)
	}
	git(r.t, r.dir, when, "mv", from, to)
	git(r.t, r.dir, when, "commit", "-q", "-m", msg)
}

// remove commits the deletion of paths.
func (r *gitRepo) remove(when, msg string, paths ...string) {
	r.t.Helper()
	git(r.t, r.dir, when, append([]string{"rm", "-q"}, paths...)...)
	git(r.t, r.dir, when, "commit", "-q", "-m", msg)
}

// head returns the short hash of HEAD, as warnings name commits.
func (r *gitRepo) head() string {
	r.t.Helper()
	out, err := exec.Command("git", "-C", r.dir, "rev-parse", "--short=7", "HEAD").Output()
	if err != nil {
		r.t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// build builds the repository in history mode, failing the test on error.
func (r *gitRepo) build(now string) (map[string][]byte, *Result) {
	r.t.Helper()
	dest, res, err := build(r.t, r.dir, func(o *Options) { o.History = "git"; o.Now = mustDate(r.t, now) })
	if err != nil {
		r.t.Fatalf("build: %v", err)
	}
	return readTree(r.t, dest), res
}

// versionDays returns the effective days of a policy's versions in
// policies.json, oldest first.
func versionDays(t *testing.T, tree map[string][]byte, id string) []string {
	t.Helper()
	var m manifest
	if err := json.Unmarshal(tree["policies.json"], &m); err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Policies {
		if p.ID != id {
			continue
		}
		var days []string
		for i := len(p.Versions) - 1; i >= 0; i-- {
			days = append(days, string(p.Versions[i].Effective)[:10])
		}
		return days
	}
	t.Fatalf("no policy %q in policies.json", id)
	return nil
}

// wantDays compares version days.
func wantDays(t *testing.T, tree map[string][]byte, id string, want ...string) {
	t.Helper()
	if got := versionDays(t, tree, id); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s versions = %v, want %v", id, got, want)
	}
}

// wantText checks that a page of the built site contains, or lacks, text.
func wantText(t *testing.T, tree map[string][]byte, page, text string, present bool) {
	t.Helper()
	got, ok := tree[page]
	if !ok {
		t.Errorf("no page %s", page)
		return
	}
	if strings.Contains(string(got), text) != present {
		t.Errorf("%s: contains %q = %v, want %v", page, text, !present, present)
	}
}

const kestrelConfig = "title: Kestrel Outfitters Privacy\n"

// kestrelPrivacy is the undated privacy notice of a fictional outdoor
// shop, with the log retention it states.
func kestrelPrivacy(fm, retention string) string {
	return fm + "# Privacy notice\n\nKestrel Outfitters sells tents and stoves.\n\n## Logs\n\nWe keep server logs for " +
		retention + ".\n\n## Orders\n\nWe keep order records for six years.\n"
}

// TestGitUndatedDays checks that an undated file gets one version per UTC
// commit day with the day's latest text, and that front-matter-only and
// white-space-only commits neither make versions nor move the date.
func TestGitUndatedDays(t *testing.T) {
	t.Parallel()
	r := newGitRepo(t)
	jekyll := "---\ntitle: Privacy notice\n---\n"
	r.commit("2025-03-03T09:00:00Z", "Add policies", map[string]string{"clause.yaml": kestrelConfig,
		"content/privacy.md": kestrelPrivacy(jekyll, "90 days"),
		"content/terms.md":   "---\ntitle: Terms of sale\n---\nReturns are accepted within 30 days.\n"})
	r.commit("2025-03-03T14:10:00Z", "Shorter log retention", map[string]string{"content/privacy.md": kestrelPrivacy(jekyll, "30 days")})
	// 01:30 in UTC+2 is still 3 March in UTC: the same version day.
	r.commit("2025-03-04T01:30:00+02:00", "Even shorter", map[string]string{"content/privacy.md": kestrelPrivacy(jekyll, "14 days")})
	r.commit("2025-04-10T08:00:00Z", "Add layout to every page", map[string]string{
		"content/privacy.md": kestrelPrivacy("---\ntitle: Privacy notice\nlayout: policy\n---\n", "14 days"),
		"content/terms.md":   "---\ntitle: Terms of sale\nlayout: policy\n---\nReturns are accepted within 30 days.\n"})
	r.commit("2025-05-02T08:00:00Z", "Rewrap and trim", map[string]string{"content/privacy.md": strings.ReplaceAll(
		kestrelPrivacy("---\ntitle: Privacy notice\nlayout: policy\n---\n", "14 days"), "sells tents", "sells  \r\ntents") + "\n\n\n"})
	r.commit("2025-06-15T10:00:00Z", "Add newsletter", map[string]string{"content/privacy.md": kestrelPrivacy("---\ntitle: Privacy notice\nlayout: policy\n---\n", "14 days") + "\n## Newsletter\n\nWe send it monthly.\n"})
	r.commit("2025-06-15T16:45:00Z", "Newsletter wording", map[string]string{"content/privacy.md": kestrelPrivacy("---\ntitle: Privacy notice\nlayout: policy\n---\n", "14 days") + "\n## Newsletter\n\nWe send it once a month.\n"})
	r.commit("2025-07-01T09:00:00Z", "Longer returns", map[string]string{"content/terms.md": "---\ntitle: Terms of sale\nlayout: policy\n---\nReturns are accepted within 60 days.\n"})
	r.commit("2025-08-20T09:00:00Z", "Title case", map[string]string{"content/terms.md": "---\ntitle: Terms Of Sale\nlayout: policy\n---\nReturns are accepted within 60 days.\n"})

	tree, res := r.build("2025-12-01")
	wantDays(t, tree, "privacy", "2025-03-03", "2025-06-15")
	wantText(t, tree, "privacy/versions/2025-03-03/index.html", "14 days", true)
	wantText(t, tree, "privacy/versions/2025-03-03/index.html", "30 days", false)
	wantText(t, tree, "privacy/versions/2025-06-15/index.html", "once a month", true)
	wantText(t, tree, "privacy/index.html", "once a month", true)
	// The bulk layout commit and the title-case commit do not move dates.
	wantDays(t, tree, "terms", "2025-03-03", "2025-07-01")
	wantText(t, tree, "terms/index.html", `datetime="2025-07-01"`, true)
	if _, ok := tree["privacy/versions/2025-05-02/index.html"]; ok {
		t.Error("the white-space commit made a version")
	}
	if !hasWarning(res.Warnings, "content/privacy.md: warning: no effective date in its git history") {
		t.Errorf("no warning for the undated file: %v", res.Warnings)
	}
}

// TestGitMoveIntoContent checks that a migration commit moving files from
// the repository root into content/ makes no version, while the history
// before it is kept and named by its old path.
func TestGitMoveIntoContent(t *testing.T) {
	t.Parallel()
	r := newGitRepo(t)
	r.commit("2024-02-01T10:00:00Z", "Jekyll site", map[string]string{"_config.yml": "title: Kestrel\n",
		"privacy.md": kestrelPrivacy("---\nlayout: page\n---\n", "90 days") + "\nWrite to {{ site.nope }}.\n"})
	old := r.head()
	r.commit("2024-09-01T10:00:00Z", "Shorter logs", map[string]string{"privacy.md": kestrelPrivacy("---\nlayout: page\n---\n", "30 days")})
	r.commit("2025-01-10T10:00:00Z", "Move to clause", map[string]string{"clause.yaml": kestrelConfig})
	r.move("2025-01-10T10:05:00Z", "Move policies into content/", "privacy.md", "content/privacy.md")
	r.commit("2025-05-05T10:00:00Z", "Shortest logs", map[string]string{"content/privacy.md": kestrelPrivacy("---\nlayout: page\n---\n", "7 days")})

	tree, res := r.build("2025-12-01")
	wantDays(t, tree, "privacy", "2024-02-01", "2024-09-01", "2025-05-05")
	wantText(t, tree, "privacy/versions/2024-09-01/index.html", "30 days", true)
	if !hasWarning(res.Warnings, "privacy.md@"+old+":16:10: warning: unknown variable site.nope") {
		t.Errorf("no warning at the old path and commit: %v", res.Warnings)
	}
	if strings.Contains(string(tree["_redirects"]), "/content/") {
		t.Errorf("the move made a redirect:\n%s", tree["_redirects"])
	}
}

// TestGitOldCommitProblems checks that unreadable front matter, Liquid
// errors and links to deleted files in old commits are warnings naming
// the commit, in build and check alike, while the same problem in the
// working-tree file stays an error.
func TestGitOldCommitProblems(t *testing.T) {
	t.Parallel()
	r := newGitRepo(t)
	dated := func(day, body string) string {
		return "---\ntitle: Returns\neffective: " + day + "\n---\n" + body
	}
	r.commit("2024-01-05T10:00:00Z", "Add returns and FAQ", map[string]string{"clause.yaml": kestrelConfig,
		"content/faq.md":     "# Questions\n\nAsk us anything.\n",
		"content/returns.md": dated("2024-01-05", "Send items back within 30 days. See the [FAQ](faq.md).\n")})
	first := r.head()
	r.commit("2024-03-01T10:00:00Z", "Broken YAML", map[string]string{"content/returns.md": "---\ntitle: [Returns\neffective: 2024-03-01\n---\nSend items back within 45 days.\n"})
	badYAML := r.head()
	r.commit("2024-03-02T10:00:00Z", "Fix YAML, add a Liquid tag", map[string]string{"content/returns.md": dated("2024-03-01", "Send items back within 45 days.\n\n{% if refunds %}Refunds are quick.\n")})
	r.commit("2024-03-03T10:00:00Z", "Try a permalink", map[string]string{"content/returns.md": "---\ntitle: Returns\npermalink: no slash\neffective: 2024-03-01\n---\nSend items back within 45 days.\n\n{% if refunds %}Refunds are quick.\n"})
	permalink := r.head()
	r.remove("2024-06-01T10:00:00Z", "Drop the FAQ", "content/faq.md")
	r.commit("2024-06-02T10:00:00Z", "New returns text", map[string]string{"content/returns.md": dated("2024-06-02", "Send items back within 60 days.\n")})

	tree, res := r.build("2025-01-01")
	wantDays(t, tree, "returns", "2024-01-05", "2024-03-01", "2024-06-02")
	wantText(t, tree, "returns/versions/2024-01-05/index.html", "within 30 days", true)
	wantText(t, tree, "returns/versions/2024-03-01/index.html", "within 45 days", true)
	for _, want := range []string{
		"content/returns.md@" + badYAML + ":2:",
		"content/returns.md@" + first + ":5:41: warning: link to missing file \"faq.md\"",
		"content/returns.md@" + permalink + ":3: warning: permalink",
		// The version shows the run's latest text, so Liquid is reported there.
		"content/returns.md@" + permalink + ":8:1: warning: unsupported Liquid tag",
	} {
		if !hasWarning(res.Warnings, want) {
			t.Errorf("no warning %q in:\n%v", want, res.Warnings)
		}
	}

	report, err := Check(Options{Source: r.dir, Theme: clause.Theme, History: HistoryGit, Now: mustDate(t, "2025-01-01"), Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if report.Errors() != 0 {
		t.Errorf("check found errors in history: %v", report.Problems)
	}

	r.commit("2024-07-01T10:00:00Z", "Today's typo", map[string]string{"content/returns.md": dated("2024-06-02", "Send items back within 60 days. See the [FAQ](faq.md).\n")})
	_, _, err = build(t, r.dir, func(o *Options) { o.History = "git"; o.Now = mustDate(t, "2025-01-01") })
	if err == nil || !strings.Contains(err.Error(), "content/returns.md:5:") || strings.Contains(err.Error(), "warning") {
		t.Errorf("a problem in the working-tree file is not an error: %v", err)
	}
}

// TestGitEqualDatesApart checks that texts declaring the same date are one
// version, the latest text, even with another version between them.
func TestGitEqualDatesApart(t *testing.T) {
	t.Parallel()
	r := newGitRepo(t)
	text := func(day, body string) string {
		return "---\ntitle: Cookies\neffective: " + day + "\n---\n" + body
	}
	r.commit("2024-01-01T10:00:00Z", "Cookies", map[string]string{"clause.yaml": kestrelConfig,
		"content/cookies.md": text("2024-01-01", "We use one cookie.\n")})
	r.commit("2024-05-01T10:00:00Z", "Draft next year's text", map[string]string{"content/cookies.md": text("2025-01-01", "We use two cookies.\n")})
	r.commit("2024-05-02T10:00:00Z", "Back out, fix the old text", map[string]string{"content/cookies.md": text("2024-01-01", "We use exactly one cookie.\n")})
	r.commit("2025-06-01T10:00:00Z", "Now", map[string]string{"content/cookies.md": text("2025-06-01", "We use three cookies.\n")})

	tree, _ := r.build("2025-12-01")
	wantDays(t, tree, "cookies", "2024-01-01", "2025-01-01", "2025-06-01")
	wantText(t, tree, "cookies/versions/2024-01-01/index.html", "exactly one cookie", true)
	wantText(t, tree, "cookies/versions/2025-01-01/index.html", "two cookies", true)
}

// TestGitHistorySince checks that history_since leaves out older commits.
func TestGitHistorySince(t *testing.T) {
	t.Parallel()
	r := newGitRepo(t)
	r.commit("2022-04-01T10:00:00Z", "Old", map[string]string{"clause.yaml": kestrelConfig + "history_since: 2024-01-01\n",
		"content/privacy.md": kestrelPrivacy("", "two years")})
	r.commit("2023-12-31T23:59:00Z", "Older text", map[string]string{"content/privacy.md": kestrelPrivacy("", "one year")})
	r.commit("2024-01-01T00:00:00Z", "First kept", map[string]string{"content/privacy.md": kestrelPrivacy("", "90 days")})
	r.commit("2024-08-01T10:00:00Z", "Second kept", map[string]string{"content/privacy.md": kestrelPrivacy("", "30 days")})

	tree, _ := r.build("2025-12-01")
	wantDays(t, tree, "privacy", "2024-01-01", "2024-08-01")
	wantText(t, tree, "privacy/versions/2024-01-01/index.html", "90 days", true)

	r.commit("2024-09-01T10:00:00Z", "Bad date", map[string]string{"clause.yaml": kestrelConfig + "history_since: last spring\n"})
	_, _, err := build(t, r.dir, func(o *Options) { o.History = "git" })
	if err == nil || !strings.Contains(err.Error(), `clause.yaml:2: history_since: cannot read date "last spring"`) {
		t.Errorf("err = %v, want the bad history_since at its line", err)
	}
}

func TestNormalizeBody(t *testing.T) {
	t.Parallel()
	base := "# Title\n\nOne two three.\nFour.\n\n- a\n- b\n"
	for _, tt := range []struct {
		other string
		same  bool
	}{
		{"# Title\r\n\r\nOne two three.\r\nFour.\r\n\r\n- a\r\n- b\r\n", true},
		{"\n\n# Title  \n\n\n\nOne   two\tthree. Four.\n\n- a\n- b", true},
		{"# Title\n\n  One two\n  three.\nFour.\n\n- a\n- b\n\n\n", true},
		{"# Title\n\nOne two three.\n\nFour.\n\n- a\n- b\n", false}, // a paragraph split
		{"# Title\n\nOne two three.\nFour.\n\n- a\n- c\n", false},
		{"# Title\n\nOne twothree.\nFour.\n\n- a\n- b\n", false},
		{"# Title\n\nOne\u00a0two three.\u2003Four.\n\n- a\n- b\n", true}, // Unicode spaces
	} {
		if got := bytes.Equal(normalizeBody(nil, []byte(tt.other)), normalizeBody(nil, []byte(base))); got != tt.same {
			t.Errorf("normalizeBody(%q) equal = %v, want %v", tt.other, got, tt.same)
		}
	}
	if got := string(normalizeBody(nil, []byte("  Données \t personnelles\r\n  d’été\n\n\n\nÀ bientôt  \n"))); got != "Données personnelles d’été\n\nÀ bientôt" {
		t.Errorf("normalizeBody = %q", got)
	}
}

// TestGitWorkingTree checks how the working-tree file joins its history:
// uncommitted edits of an undated file are dated by the last commit, and
// a date added to the front matter dates the newest text, which is then
// not also an undated version.
func TestGitWorkingTree(t *testing.T) {
	t.Parallel()
	r := newGitRepo(t)
	r.commit("2025-01-01T10:00:00Z", "First", map[string]string{"clause.yaml": kestrelConfig, "content/privacy.md": kestrelPrivacy("", "90 days")})
	r.commit("2025-02-01T10:00:00Z", "Second", map[string]string{"content/privacy.md": kestrelPrivacy("", "30 days")})

	writeTree(t, r.dir, map[string]string{"content/privacy.md": kestrelPrivacy("", "7 days")})
	tree, _ := r.build("2025-12-01")
	wantDays(t, tree, "privacy", "2025-01-01", "2025-02-01")
	wantText(t, tree, "privacy/versions/2025-02-01/index.html", "7 days", true)

	writeTree(t, r.dir, map[string]string{"content/privacy.md": kestrelPrivacy("---\neffective: 2025-03-01\n---\n", "30 days")})
	tree, _ = r.build("2025-12-01")
	wantDays(t, tree, "privacy", "2025-01-01", "2025-03-01")
	wantText(t, tree, "privacy/versions/2025-03-01/index.html", "30 days", true)
}

// TestGitRootFolder checks history for a repository that keeps its
// policies at the root (content_dir: .), dated by "Last updated" lines in
// the text: a typo fix keeps its version, a new date starts one.
func TestGitRootFolder(t *testing.T) {
	t.Parallel()
	r := newGitRepo(t)
	privacy := func(date, body string) string {
		return "# Privacy notice\n\n*Last updated: " + date + "*\n\n" + body + "\n"
	}
	r.commit("2025-01-10T10:00:00Z", "Policies", map[string]string{"clause.yaml": kestrelConfig + "content_dir: .\n",
		"README.md":  "# Kestrel policies\n\nHow to edit them.\n",
		"privacy.md": privacy("January 10, 2025", "We keep logs for a yaer."),
		"cookies.md": "# Cookies\n\nOne cookie.\n"})
	r.commit("2025-01-12T10:00:00Z", "Typo", map[string]string{"privacy.md": privacy("January 10, 2025", "We keep logs for a year."),
		"README.md": "# Kestrel policies\n\nHow to edit them, and who reviews.\n"})
	r.commit("2025-04-02T10:00:00Z", "Shorter logs", map[string]string{"privacy.md": privacy("April 1, 2025", "We keep logs for 90 days."),
		"cookies.md": "# Cookies\n\nTwo cookies.\n"})

	tree, _ := r.build("2025-12-01")
	wantDays(t, tree, "privacy", "2025-01-10", "2025-04-01")
	wantText(t, tree, "privacy/versions/2025-01-10/index.html", "for a year", true)
	wantDays(t, tree, "cookies", "2025-01-10", "2025-04-02")
	if _, ok := tree["README/index.html"]; ok {
		t.Error("README.md became a page")
	}
}
