package redirect

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

// wantErr describes one expected problem: its location, whether it is a
// warning, and substrings its message and hint must contain.
type wantErr struct {
	at      string // "file:line"
	warning bool
	msg     string
	hint    string
}

// fm builds a front matter redirect declared at file:line.
func fm(from, to, file string, line int) Redirect {
	return Redirect{From: from, To: to, File: file, Line: line, Origin: FrontMatter}
}

// withOrigin returns r with its origin replaced.
func withOrigin(r Redirect, o Origin) Redirect {
	r.Origin = o
	return r
}

func TestResolveChecks(t *testing.T) {
	tests := []struct {
		name string
		in   []Redirect
		want []string // "from -> to" of the resolved set
		errs []wantErr
	}{
		{
			name: "seed page lists both slash forms",
			in: []Redirect{
				fm("/docs/privacy-policy", "/privacy/", "content/privacy.md", 3),
				fm("/docs/privacy-policy/", "/privacy/", "content/privacy.md", 4),
			},
			want: []string{"/docs/privacy-policy/ -> /privacy/"},
		},
		{
			name: "index.html spelling merges silently in one file",
			in: []Redirect{
				fm("/a/index.html", "/privacy/", "content/privacy.md", 3),
				fm("/a/", "/privacy", "content/privacy.md", 4),
			},
			want: []string{"/a/ -> /privacy/"},
		},
		{
			name: "source is a page",
			in:   []Redirect{fm("/terms/", "/privacy/", "content/privacy.md", 3)},
			errs: []wantErr{{at: "content/privacy.md:3", msg: "redirect source /terms/ is also a page, version page or asset", hint: "remove it from redirect_from"}},
		},
		{
			name: "source without slash is a page with slash",
			in:   []Redirect{fm("/terms", "/privacy/", "content/privacy.md", 3)},
			errs: []wantErr{{at: "content/privacy.md:3", msg: "redirect source /terms is also a page"}},
		},
		{
			name: "source is an asset",
			in:   []Redirect{withOrigin(fm("/assets/site.css", "/privacy/", "clause.yaml", 7), Config)},
			errs: []wantErr{{at: "clause.yaml:7", msg: "/assets/site.css is also a page", hint: "redirects: in clause.yaml"}},
		},
		{
			name: "automatic source now taken by a page is dropped with a warning",
			in:   []Redirect{withOrigin(fm("/terms/", "/privacy/", "content/privacy.md", 0), Automatic)},
			errs: []wantErr{{at: "content/privacy.md", warning: true, msg: "old URL /terms/ is now a page"}},
		},
		{
			name: "same source, different targets, same file",
			in: []Redirect{
				fm("/a/", "/privacy/", "content/privacy.md", 3),
				fm("/a", "/terms/", "content/privacy.md", 4),
			},
			want: []string{"/a/ -> /privacy/"},
			errs: []wantErr{{at: "content/privacy.md:4", msg: "claimed twice: /a/ → /privacy/ (content/privacy.md:3) and /a → /terms/ (content/privacy.md:4)"}},
		},
		{
			name: "same source and target from two files",
			in: []Redirect{
				fm("/a/", "/privacy/", "content/privacy.md", 3),
				fm("/a/index.html", "/privacy/", "content/other.md", 9),
			},
			want: []string{"/a/ -> /privacy/"},
			errs: []wantErr{{at: "content/other.md:9", msg: "(content/privacy.md:3)", hint: "keep only one"}},
		},
		{
			name: "explicit redirect overrides an automatic one",
			in: []Redirect{
				withOrigin(fm("/old/", "/terms/", "content/terms.md", 0), Automatic),
				withOrigin(fm("/old", "/privacy/", "clause.yaml", 4), Config),
			},
			want: []string{"/old -> /privacy/"},
			errs: []wantErr{{at: "content/terms.md", warning: true, msg: "automatic redirect /old/ → /terms/ is overridden by /old → /privacy/ (clause.yaml:4)"}},
		},
		{
			name: "automatic duplicate of an explicit redirect is silent",
			in: []Redirect{
				fm("/old/", "/terms/", "content/terms.md", 2),
				withOrigin(fm("/old/", "/terms/", "content/terms.md", 0), Automatic),
			},
			want: []string{"/old/ -> /terms/"},
		},
		{
			name: "missing target",
			in:   []Redirect{fm("/a/", "/nope/", "content/nope.md", 2)},
			errs: []wantErr{{at: "content/nope.md:2", msg: "redirect target /nope/ (from /a/) does not exist", hint: "point it at an existing page"}},
		},
		{
			name: "target without slash is upgraded to the folder form",
			in:   []Redirect{fm("/a/", "/privacy#x", "content/privacy.md", 2)},
			want: []string{"/a/ -> /privacy/#x"},
		},
		{
			name: "target that is another redirect's source resolves as a chain",
			in: []Redirect{
				withOrigin(fm("/a/", "/b", "clause.yaml", 1), Config),
				withOrigin(fm("/b/", "/c/#top", "clause.yaml", 2), Config),
				withOrigin(fm("/c/", "/privacy/", "clause.yaml", 3), Config),
			},
			want: []string{"/a/ -> /privacy/#top", "/b/ -> /privacy/#top", "/c/ -> /privacy/"},
			errs: []wantErr{
				{at: "clause.yaml:1", warning: true, msg: "redirect chain /a/ → /b → /c/#top → /privacy/#top: /a/ now points straight at /privacy/#top", hint: "point /a/ at /privacy/#top directly"},
				{at: "clause.yaml:2", warning: true, msg: "redirect chain /b/ → /c/#top → /privacy/#top"},
			},
		},
		{
			name: "chain ending at a missing page",
			in: []Redirect{
				withOrigin(fm("/a/", "/b/", "clause.yaml", 1), Config),
				withOrigin(fm("/b/", "/gone/", "clause.yaml", 2), Config),
			},
			errs: []wantErr{
				{at: "clause.yaml:1", warning: true, msg: "redirect chain /a/ → /b/ → /gone/"},
				{at: "clause.yaml:1", msg: "redirect target /gone/ (reached from /a/ through /b/) does not exist"},
				{at: "clause.yaml:2", msg: "redirect target /gone/ (from /b/) does not exist"},
			},
		},
		{
			name: "self loop",
			in:   []Redirect{withOrigin(fm("/a/", "/a", "clause.yaml", 1), Config)},
			errs: []wantErr{{at: "clause.yaml:1", msg: "redirect loop /a/ → /a (declared at clause.yaml:1)", hint: "real page"}},
		},
		{
			name: "two-step loop is reported once, with a source leading into it",
			in: []Redirect{
				withOrigin(fm("/b/", "/a/", "clause.yaml", 2), Config),
				withOrigin(fm("/a/", "/b/", "clause.yaml", 1), Config),
				withOrigin(fm("/c/", "/b/", "clause.yaml", 3), Config),
				withOrigin(fm("/d/", "/terms/", "clause.yaml", 4), Config),
			},
			want: []string{"/d/ -> /terms/"},
			errs: []wantErr{
				{at: "clause.yaml:1", msg: "redirect loop /a/ → /b/ → /a/ (declared at clause.yaml:1, clause.yaml:2)"},
				{at: "clause.yaml:3", msg: "redirect /c/ → /b/ ends in a redirect loop (/b/ → /a/ → /b/)"},
			},
		},
		{
			name: "invalid source",
			in:   []Redirect{fm("/a/../etc/", "/privacy/", "content/privacy.md", 6)},
			errs: []wantErr{{at: "content/privacy.md:6", msg: `contains a ".." segment`}},
		},
		{
			name: "source with a scheme",
			in:   []Redirect{fm("https://old.example.com/x", "/privacy/", "content/privacy.md", 6)},
			errs: []wantErr{{at: "content/privacy.md:6", msg: "is a full URL"}},
		},
		{
			name: "external redirect_to over https is fine",
			in:   []Redirect{withOrigin(fm("/status/", "https://status.example.com/", "content/status.md", 2), RedirectTo)},
			want: []string{"/status/ -> https://status.example.com/"},
		},
		{
			name: "redirect_to javascript: is rejected",
			in:   []Redirect{withOrigin(fm("/x/", "javascript:alert(1)", "content/x.md", 2), RedirectTo)},
			errs: []wantErr{{at: "content/x.md:2", msg: `uses the javascript: scheme`, hint: "only http and https"}},
		},
		{
			name: "redirect_to ftp: and data: are rejected",
			in: []Redirect{
				withOrigin(fm("/x/", "ftp://files.example.com/", "content/x.md", 2), RedirectTo),
				withOrigin(fm("/y/", "data:text/html,hi", "content/y.md", 2), RedirectTo),
			},
			errs: []wantErr{
				{at: "content/x.md:2", msg: "uses the ftp: scheme"},
				{at: "content/y.md:2", msg: "uses the data: scheme"},
			},
		},
		{
			name: "redirect_from may not leave the site",
			in:   []Redirect{fm("/x/", "https://example.com/", "content/x.md", 2)},
			errs: []wantErr{{at: "content/x.md:2", msg: "redirect_from /x/ points at another site"}},
		},
		{
			name: "every problem is reported, not just the first",
			in: []Redirect{
				fm("x", "/privacy/", "content/a.md", 1),
				fm("/b/", "/missing/", "content/b.md", 1),
				fm("/terms/", "/privacy/", "content/c.md", 1),
				fm("/ok/", "/privacy/", "content/d.md", 1),
			},
			want: []string{"/ok/ -> /privacy/"},
			errs: []wantErr{
				{at: "content/a.md:1", msg: `must start with "/"`, hint: "write it as /x"},
				{at: "content/b.md:1", msg: "/missing/ (from /b/) does not exist"},
				{at: "content/c.md:1", msg: "/terms/ is also a page"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, errs := resolveExists(tc.in, existsIn(pages))
			checkResolved(t, got, tc.want)
			checkErrors(t, errs, tc.errs)
		})
	}
}

// checkResolved compares the resolved set with "from -> to" lines.
func checkResolved(t *testing.T, got []Redirect, want []string) {
	t.Helper()
	var lines []string
	for _, r := range got {
		lines = append(lines, r.From+" -> "+r.To)
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("resolved:\n got %q\nwant %q", lines, want)
	}
}

// checkErrors matches errs one to one, in order, against want.
func checkErrors(t *testing.T, errs []Error, want []wantErr) {
	t.Helper()
	if len(errs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(errs), len(want), errorList(errs))
	}
	for i, w := range want {
		e := errs[i]
		at := e.Path
		if e.Line > 0 {
			at = fmt.Sprintf("%s:%d", e.Path, e.Line)
		}
		if at != w.at || (e.Severity == diag.Warning) != w.warning || !strings.Contains(e.Msg, w.msg) || !strings.Contains(e.Hint, w.hint) {
			t.Errorf("problem %d = %#v\nwant at %s warning=%v msg~%q hint~%q", i, e, w.at, w.warning, w.msg, w.hint)
		}
	}
}

// errorList formats errs one per line.
func errorList(errs []Error) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString("  " + e.Error() + "\n")
	}
	return b.String()
}

func TestResolveNamesThePage(t *testing.T) {
	_, errs := Resolve([]Redirect{fm("/terms/", "/privacy/", "content/privacy.md", 3)}, ownerIn(pages))
	want := "content/privacy.md:3: redirect source /terms/ is also a page (content/terms.md)\n\thint: remove it from redirect_from (or aliases)"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Fatalf("got %s, want %s", errorList(errs), want)
	}
}

func TestSeedCaseWritesOneStub(t *testing.T) {
	in := []Redirect{
		fm("/docs/privacy-policy", "/privacy/", "content/privacy.md", 3),
		fm("/docs/privacy-policy/", "/privacy/", "content/privacy.md", 4),
	}
	rs, errs := resolveExists(in, existsIn(pages))
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	files, errs := Files(rs, Options{Formats: []Format{FormatHTML}})
	if len(errs) != 0 {
		t.Fatalf("unexpected problems:\n%s", errorList(errs))
	}
	if len(files) != 1 || files["docs/privacy-policy/index.html"] == nil {
		t.Fatalf("want exactly docs/privacy-policy/index.html, got %v", keys(files))
	}
}

func TestResolveNilExists(t *testing.T) {
	_, errs := resolveExists([]Redirect{fm("/a/", "/b/", "x.md", 1)}, nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "does not exist") {
		t.Fatalf("got %s", errorList(errs))
	}
}

func TestErrorString(t *testing.T) {
	cases := map[string]Error{
		"a.md:3: warning: m\n\thint: h": {Path: "a.md", Line: 3, Msg: "m", Hint: "h", Severity: diag.Warning},
		"a.md: m":                       {Path: "a.md", Msg: "m"},
		"m\n\thint: h":                  {Msg: "m", Hint: "h"},
	}
	for want, e := range cases {
		if got := e.Error(); got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	}
	if HasErrors([]Error{{Severity: diag.Warning}}) || !HasErrors([]Error{{Severity: diag.Warning}, {}}) {
		t.Error("HasErrors does not tell warnings from errors")
	}
}
