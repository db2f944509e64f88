package site

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/clause-dev/clause/site/internal/write"
	"github.com/clause-dev/clause/site/markdown"
)

// CheckReport is what Check found in a site.
type CheckReport struct {
	Problems []*Error // every error, warning and info note, sorted by path, line, column and message
	Policies int      // the number of policies checked
}

// Errors returns the number of problems that fail a build.
func (r *CheckReport) Errors() int { return r.count(SeverityError) }

// Warnings returns the number of warnings.
func (r *CheckReport) Warnings() int { return r.count(SeverityWarning) }

// Infos returns the number of info notes, which are not problems.
func (r *CheckReport) Infos() int { return r.count(SeverityInfo) }

func (r *CheckReport) count(severity Severity) int {
	n := 0
	for _, e := range r.Problems {
		if e.Severity == severity {
			n++
		}
	}
	return n
}

// Failed reports whether the check fails: when there are errors, or,
// with strict, warnings.
func (r *CheckReport) Failed(strict bool) bool {
	return r.Errors() > 0 || strict && r.Warnings() > 0
}

// Summary is the line `clause check` prints after the problems.
func (r *CheckReport) Summary() string {
	s := "checked " + count(r.Policies, "policy", "policies") + ": no problems"
	if r.Errors()+r.Warnings() > 0 {
		s = "checked " + count(r.Policies, "policy", "policies") + ": " + count(r.Errors(), "error", "errors") +
			", " + count(r.Warnings(), "warning", "warnings")
	}
	if n := r.Infos(); n > 0 {
		s += fmt.Sprintf(" (%d info)", n)
	}
	return s
}

// Check runs everything BuildContext checks on the site in opts.Source, building
// it in memory so that nothing is written, and adds lint warnings: broken
// internal links and #fragments, skipped heading levels, duplicate
// headings, hand-typed dates that disagree with the front matter or
// cannot be read, policies without a description, version dates out of
// order and upcoming versions without a summary. It adds info notes
// saying where each date read from the text came from. opts.Destination
// is ignored. The error is only for a site that cannot be read at all.
func Check(opts Options) (*CheckReport, error) {
	opts = opts.withDefaults()
	opts.cache = nil
	src := opts.sourceFS
	if src == nil {
		root, err := os.OpenRoot(opts.Source)
		if err != nil {
			return nil, fmt.Errorf("source folder: %w", err)
		}
		defer root.Close()
		src = root.FS()
	}
	out := write.NewMemory()
	errs := &ErrorList{}
	var m *model
	var r *renderer
	safely(errs, func() { m, r = phases(context.Background(), opts, src, out, errs) })
	if m == nil {
		return &CheckReport{Problems: errs.Items()}, nil // the build panicked; its error says where
	}
	safely(errs, func() { newChecker(m, r, out.Files()).run() })
	return &CheckReport{Problems: errs.Items(), Policies: len(m.policies)}, nil
}

// safely runs fn, turning a panic into an error in errs.
func safely(errs *ErrorList, fn func()) {
	defer recoverPanic(errs, "", nil)
	fn()
}

// checker holds the state of the lint pass over a built site.
type checker struct {
	m     *model
	md    *markdown.Renderer
	files map[string][]byte          // the built site, by output path
	ids   map[string]map[string]bool // output path → the ids its HTML defines
	built bool                       // the pages were rendered (templates loaded)
}

func newChecker(m *model, r *renderer, files map[string][]byte) *checker {
	c := &checker{m: m, md: m.md, files: files, ids: map[string]map[string]bool{}}
	if r != nil {
		c.md, c.built = r.md, r.tmpl != nil && r.tmpl.base != nil
	}
	return c
}

// run lints every policy's current file and version files, and the home
// page's links.
func (c *checker) run() {
	for _, p := range c.m.policies {
		c.policy(p)
	}
	if s := c.m.home; s != nil && c.built {
		home := &Page{Kind: KindHome, sitePath: "/", src: s, Title: c.m.in.cfg.Title, Params: s.FM.Params}
		l := c.prepare(s)
		doc, orig := c.render(home, &Version{src: s, Title: home.Title}, l)
		c.links(l, []string{"/"}, doc, orig)
		c.unsafeURLs(l, doc, orig)
		c.misspelledKeys(s)
	}
	c.robotsOutOfReach()
}

// policy lints one policy and each of its versions that is a file.
func (c *checker) policy(p *Page) {
	if editable(p.src) {
		c.description(p)
		c.undated(p)
		c.unknownGroup(p)
	}
	for _, v := range p.Policy.Versions {
		if !editable(v.src) {
			continue // a revision from git history: it cannot be fixed
		}
		c.misspelledKeys(v.src)
		l := c.prepare(v.src)
		doc, orig := c.render(p, v, l)
		c.headings(l, doc)
		c.placeholders(l)
		c.rawHTML(l, doc)
		c.unsafeURLs(l, doc, orig)
		c.typedDates(l, v)
		c.textDates(v)
		c.versionDates(v)
		if c.built {
			c.links(l, c.shownAt(p, v), doc, orig)
		}
	}
}

// linted is a source prepared for linting: its body (read again when the
// build released it) and its lines outside fenced code.
type linted struct {
	*Source
	body  []byte
	lines []string
	nums  []int // the file line of each of lines
}

// prepare reads a source's body and splits it into lines.
func (c *checker) prepare(s *Source) *linted {
	l := &linted{Source: s, body: c.m.body(s)}
	fence := ""
	for i, text := range strings.Split(string(l.body), "\n") {
		t := strings.TrimSpace(text)
		if f := fenceOf(t); f != "" && (fence == "" || f == fence) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
			continue
		}
		if fence == "" {
			l.lines = append(l.lines, strings.TrimRight(text, "\r"))
			l.nums = append(l.nums, s.BodyLine+i)
		}
	}
	return l
}

// editable reports whether a source is a file of the working tree rather
// than a revision read from git.
func editable(s *Source) bool { return s != nil && !s.FromHistory() }

// shownAt lists the site-relative URLs of the pages that show a version's
// text: the policy's page when it is the version shown, and its version
// page when the policy has history.
func (c *checker) shownAt(p *Page, v *Version) []string {
	var at []string
	if v == p.Policy.Shown() {
		at = append(at, p.sitePath)
	}
	if p.Policy.HasHistory() {
		at = append(at, versionPath(p.sitePath, v))
	}
	return at
}

// render renders a source's Markdown as the build does, without reporting
// its errors again, and records the written path of every rewritten link
// to a content file.
func (c *checker) render(p *Page, v *Version, l *linted) (*markdown.Document, map[string]string) {
	orig := map[string]string{}
	resolve := c.m.linkResolver(p.src)
	md := c.md
	if md == nil {
		md = markdown.New(markdown.Options{Typographer: c.m.in.cfg.Typographer, TOCMin: c.m.in.cfg.TOCLevels[0], TOCMax: c.m.in.cfg.TOCLevels[1]})
	}
	link := func(target string) (string, bool) {
		u, ok := resolve(target)
		if ok {
			orig[u] = target
		}
		return u, ok
	}
	return md.RenderPage(l.body, markdown.Page{Link: link, File: c.m.fileResolver(p.src), Var: c.m.varResolver(v, p), Blocks: true}), orig
}

// warn records a lint warning.
func (c *checker) warn(path string, line, col int, msg, hint string) {
	c.m.errs.Add(&Error{Path: path, Line: line, Col: col, Msg: msg, Hint: hint, Severity: SeverityWarning})
}
