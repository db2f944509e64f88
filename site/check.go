package site

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/clause-dev/clause/site/internal/write"
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
	report, _, err := check(opts)
	return report, err
}

// check builds the site in memory, keeping the documents its render phase
// produces, and lints the result. It also returns the kept texts.
func check(opts Options) (*CheckReport, *renderedTexts, error) {
	opts = opts.withDefaults()
	opts.cache = nil
	opts.texts = newRenderedTexts()
	src := opts.sourceFS
	if src == nil {
		root, err := os.OpenRoot(opts.Source)
		if err != nil {
			return nil, nil, fmt.Errorf("source folder: %w", err)
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
		return &CheckReport{Problems: errs.Items()}, opts.texts, nil // the build panicked; its error says where
	}
	safely(errs, m.renderUnrendered)
	safely(errs, func() { newChecker(m.lintInput(r, out.Files()), errs).run() })
	return &CheckReport{Problems: errs.Items(), Policies: len(m.policies)}, opts.texts, nil
}

// safely runs fn, turning a panic into an error in errs.
func safely(errs *ErrorList, fn func()) {
	defer recoverPanic(errs, "", nil)
	fn()
}

// checker holds the state of the lint pass over a built site.
type checker struct {
	in   *lintInput
	errs *ErrorList                 // where the lint reports what it finds
	ids  map[string]map[string]bool // output path → the ids its HTML defines
}

func newChecker(in *lintInput, errs *ErrorList) *checker {
	return &checker{in: in, errs: errs, ids: map[string]map[string]bool{}}
}

// run lints every policy's current file and version files, and the home
// page's links.
func (c *checker) run() {
	for _, p := range c.in.Policies {
		c.policy(p)
	}
	if s := c.in.Home; s != nil && c.in.Rendered {
		l := c.prepare(s)
		c.links(l, []string{"/"})
		c.unsafeURLs(l)
		c.misspelledKeys(s)
	}
	c.robotsOutOfReach()
	c.translations()
}

// policy lints one policy and each of its versions that is a file.
func (c *checker) policy(p *Page) {
	if editable(p.src) {
		c.description(p)
		c.undated(p)
		c.unknownGroup(p)
	}
	c.compliance(p)
	for _, v := range p.Policy.Versions {
		if !editable(v.src) {
			continue // a revision from git history: it cannot be fixed
		}
		c.misspelledKeys(v.src)
		l := c.prepare(v.src)
		c.headings(l)
		c.vanishedIDs(l)
		c.placeholders(l)
		c.rawHTML(l)
		c.unsafeURLs(l)
		c.typedDates(l, v)
		c.textDates(v)
		c.versionDates(v)
		if c.in.Rendered {
			c.links(l, c.shownAt(p, v))
		}
	}
}

// linted is a text prepared for linting: its source, what the build
// rendered from it, and its lines outside fenced code.
type linted struct {
	*Source
	*renderedText
	lines []string
	nums  []int // the file line of each of lines
}

// prepare reads a source's body again (the build released it) and splits
// it into lines.
func (c *checker) prepare(s *Source) *linted {
	l := &linted{Source: s, renderedText: c.in.Texts.text(s)}
	fence := ""
	for i, text := range strings.Split(string(c.in.Body(s)), "\n") {
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

// warn records a lint warning.
func (c *checker) warn(path string, line, col int, msg, hint string) {
	c.errs.Add(&Error{Path: path, Line: line, Col: col, Msg: msg, Hint: hint, Severity: SeverityWarning})
}
