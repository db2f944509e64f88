// Package importer converts a policy that exists only as plain text or as
// a saved HTML page into a clean Markdown file with front matter, ready for
// a clause site's content/ folder.
//
// Convert works offline on the bytes it is given. From plain text it
// takes the title (dropping banner lines above it), the "Last revised:"
// date, numbered and ALL-CAPS section headings, lettered subsections and
// bullet lists. From HTML it takes headings, paragraphs, lists, links,
// tables, emphasis and anchors, and drops scripts, styles, navigation,
// site headers and footers, cookie banners (which need a cookie or
// consent signal), notices that the policy is changing, and headings' own
// links. Date lines that share a paragraph are read one by one. Everything
// it drops or cannot read is reported as a Note. Text is escaped so that
// the Markdown renders exactly as the input read.
//
// The package depends on no other clause package.
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clause-dev/clause/site/internal/diag"
	"gopkg.in/yaml.v3"
)

// Options configures Convert.
type Options struct {
	HTML bool   // read the input as HTML; by default this is detected from Name and the content
	Name string // the input's file name, used for detection and as a last-resort title
}

// Note is something Convert dropped, changed or could not read; the
// writer should look at it. It is a diag.Diagnostic of severity Info at a
// 1-based line of the input (0 when unknown); Path is left for the caller,
// who knows what to call the input.
type Note = diag.Diagnostic

// Result is a converted policy.
type Result struct {
	Markdown    []byte    // the whole file: front matter and body
	Title       string    // the title written to front matter
	Description string    // the description written to front matter
	LastRevised time.Time // zero when no date could be read
	Effective   time.Time
	Notes       []Note
}

// Convert turns a plain-text or HTML policy into Markdown with front
// matter. It returns an error only for input it cannot read at all (empty,
// or not UTF-8).
func Convert(src []byte, opts Options) (*Result, error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if !utf8.Valid(src) {
		return nil, errors.New("the input is not UTF-8 text; convert it first, for example with iconv -f windows-1252 -t utf-8")
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, errors.New("the input is empty")
	}
	d := &doc{}
	if opts.HTML || isHTML(opts.Name, src) {
		convertHTML(d, src)
	} else {
		convertText(d, string(src))
	}
	d.finish(opts.Name)
	return d.result(), nil
}

var htmlStart = regexp.MustCompile(`(?is)^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b`)

// isHTML reports whether an input is HTML: by its file extension, or by
// starting with a doctype or an html, head or body tag.
func isHTML(name string, src []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	case ".txt", ".text":
		return false
	}
	return htmlStart.Match(src[:min(len(src), 4096)])
}

// doc is a policy being converted: its title, dates and Markdown blocks.
type doc struct {
	title       string
	description string
	firstPara   string // plain text of the first real paragraph
	revised     time.Time
	effective   time.Time
	seen        map[DateField]bool
	blocks      []string
	notes       []Note
}

// note records a Note.
func (d *doc) note(line int, format string, args ...any) {
	d.notes = append(d.notes, Note{Line: line, Severity: diag.Info, Msg: fmt.Sprintf(format, args...)})
}

// add appends a Markdown block.
func (d *doc) add(block string) {
	if strings.TrimSpace(block) != "" {
		d.blocks = append(d.blocks, block)
	}
}

// paragraph notes the plain text of the first paragraph that reads like
// prose, for the description.
func (d *doc) paragraph(plain string) {
	if d.firstPara == "" && len(strings.Fields(plain)) >= 8 {
		d.firstPara = plain
	}
}

// takeDate consumes a line that types a date by hand, the first of each
// kind: a readable date goes to front matter, an unreadable one is kept in
// a comment and reported. A line that joins date lines with a separator
// is consumed when none of its kinds was read before. It reports whether
// the line was consumed.
func (d *doc) takeDate(line string, at int) bool {
	if parts := splitDateLine(line); parts != nil {
		for _, p := range parts {
			if field, _, _ := anyDateLine(p); d.seen[field] {
				return false
			}
		}
		for _, p := range parts {
			d.takeDate(p, at)
		}
		return true
	}
	field, value, ok := anyDateLine(line)
	if !ok || d.seen[field] {
		return false
	}
	if d.seen == nil {
		d.seen = map[DateField]bool{}
	}
	d.seen[field] = true
	t, err := ParseDate(value)
	if err != nil {
		text := strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "*_"))
		d.note(at, "%v; kept in a comment: put the date in front matter as %s: YYYY-MM-DD", err, field)
		d.add(couldNotReadComment(text))
		return true
	}
	if field == Effective {
		d.effective = t
	} else {
		d.revised = t
	}
	return true
}

// couldNotReadComment returns the comment that keeps a line import could not
// read; clause check recognises it and reports the line.
func couldNotReadComment(text string) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "--", "- -"), `"`, "'")
	return `<!-- clause import: could not read "` + text + `" -->`
}

// couldNotRead matches the comment couldNotReadComment writes.
var couldNotRead = regexp.MustCompile(`^\s*<!--\s*clause import: could not read "(.*)"\s*-->\s*$`)

// CommentedLine returns the original text kept by a could-not-read comment.
func CommentedLine(line string) (string, bool) {
	m := couldNotRead.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// finish fills in what the input did not say: a title from the file name
// and a description from the first paragraph.
func (d *doc) finish(name string) {
	if d.title == "" {
		d.title = titleFromName(name)
		d.note(0, "no title found; using %q: change title in the front matter", d.title)
	}
	if d.revised.IsZero() {
		d.revised = d.effective // the page was last revised when it took effect
	}
	d.description = firstSentence(d.firstPara, 200)
	if d.description != "" {
		d.note(0, "description taken from the first paragraph: rewrite it as one sentence for the home page")
	} else {
		d.description = "TODO: one sentence that says what this policy covers."
		d.note(0, "no description: write one in the front matter")
	}
}

// titleFromName makes a title of a file name: "cookie-policy.txt" → "Cookie policy".
func titleFromName(name string) string {
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, `\`, "/")), path.Ext(name))
	base = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(base))
	if base == "" || base == "." || base == "/" {
		return "Untitled policy"
	}
	r, size := utf8.DecodeRuneInString(base)
	return strings.ToUpper(string(r)) + base[size:]
}

// result renders the front matter and body.
func (d *doc) result() *Result {
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(d.frontMatter())
	b.WriteString("---\n\n")
	b.WriteString(strings.Join(d.blocks, "\n\n"))
	b.WriteString("\n")
	return &Result{Markdown: b.Bytes(), Title: d.title, Description: d.description,
		LastRevised: d.revised, Effective: d.effective, Notes: d.notes}
}

// frontMatter encodes title, description and dates as YAML, in that order.
func (d *doc) frontMatter() []byte {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k, v, tag string) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k},
			&yaml.Node{Kind: yaml.ScalarNode, Value: v, Tag: tag})
	}
	add("title", d.title, "!!str")
	add("description", d.description, "!!str")
	if !d.revised.IsZero() {
		add("last_revised", d.revised.Format("2006-01-02"), "!!timestamp")
	}
	if !d.effective.IsZero() {
		add("effective", d.effective.Format("2006-01-02"), "!!timestamp")
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return []byte(fmt.Sprintf("title: %q\n", d.title)) // unreachable for string scalars
	}
	enc.Close()
	return b.Bytes()
}
