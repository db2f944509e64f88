package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/markdown"
)

// Source is one content file as loaded from disk: its front matter
// interpreted, and its Markdown body with the file line on which the body
// starts, so Markdown errors report lines of the file, not of the body.
type Source struct {
	Path     string   // slash path from the source folder, e.g. content/legal/privacy.md
	Rel      string   // slash path from the content folder, e.g. legal/privacy.md
	Hash     [32]byte `memo:"-"` // sha256 of the whole file; see cache_keys.go for the tag
	Body     []byte   `memo:"-"` // nil when released after loading (see release)
	BodyLine int
	FM       FrontMatter
	Lead     []byte `memo:"-"` // the body's leading block, which holds its title heading if it has one (markdown.LeadingBlock)

	TextDates []TextDate // dates read from the body when the front matter has none (see textdate.go)
	dateNotes []*Error   // warnings about those dates, for files of the working tree only

	// Commit is the git commit a revision read from history (--history
	// git) was read at, "" for a file of the working tree. Path then
	// names the file and the commit, content/privacy.md@1a2b3c4, for
	// messages only: "@" is a valid character in a file name.
	Commit string

	bodyAt int    // byte offset of the body in the file, to read it again
	real   string // the path it is read from when Path is a symbolic link, else ""
	blob   string // a revision's blob id, to read its body again from git

	key memo.Key `memo:"-"` // see MemoKey
}

// FromHistory reports whether the source is a revision read from git
// history rather than a file of the working tree.
func (s *Source) FromHistory() bool { return s.Commit != "" }

// file returns the path, from the source, that the file is read from.
func (s *Source) file() string {
	if s.real != "" {
		return s.real
	}
	return s.Path
}

// release drops the body to keep memory flat during a build; body reads
// it again when the page is rendered.
func (s *Source) release() { s.Body = nil }

// FrontMatter is the interpreted front matter of one content file.
type FrontMatter struct {
	Title        string
	Description  string
	Permalink    string
	Slug         string
	Layout       string
	Group        string
	Summary      string
	Changes      []string
	Material     bool
	RedirectTo   string
	RedirectFrom []Located // redirect_from (Jekyll): site paths
	Aliases      []Located // aliases (Hugo): site paths, or paths relative to the page's folder
	TOC          *bool
	Weight       int
	Draft        bool
	LastRevised  Date
	Effective    Date
	Params       map[string]any // every key, as written
	Lines        map[string]int // key → file line
	Start        int            // file line of the opening delimiter
}

// Located is a string value with the file line it came from.
type Located struct {
	Value string
	Line  int
}

// parseSource splits and interprets one content file. Problems are added
// to errs; the returned Source is usable as far as it could be read.
func parseSource(p, rel string, raw []byte, errs *ErrorList) *Source {
	s := &Source{Path: p, Rel: rel, Hash: sha256.Sum256(raw), BodyLine: 1}
	if !isText(raw) {
		errs.Add(&Error{Path: p, Msg: "not a text file: Markdown pages must be UTF-8 text",
			Hint: "a binary file was given a Markdown extension; move it out of the content folder or rename it"})
		return nil
	}
	bom := len(raw)
	raw = lineFeeds(bytes.TrimPrefix(raw, []byte("\uFEFF")))
	bom -= len(raw)
	fm, body, bodyLine, err := splitFrontMatter(raw)
	if err != nil {
		fe := err.(*Error)
		fe.Path = p
		errs.Add(fe)
		return nil
	}
	s.Body, s.BodyLine = body, bodyLine
	s.bodyAt = bom + len(raw) - len(body)
	s.Lead = markdown.LeadingBlock(body)
	s.FM = interpret(fm, p, errs)
	s.readTextDates()
	return s
}

// lineFeeds returns b with every carriage return that is not followed by
// a line feed (classic Mac OS line endings) turned into a line feed, as
// CommonMark reads it, so that front matter and line numbers see the same
// lines as the Markdown. Byte offsets do not change; b itself is returned
// when it has no such carriage return.
func lineFeeds(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	var out []byte
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			if out == nil {
				out = bytes.Clone(b)
			}
			out[i] = '\n'
		}
	}
	if out == nil {
		return b
	}
	return out
}

// isText reports whether b is UTF-8 without NUL bytes.
func isText(b []byte) bool {
	return bytes.IndexByte(b, 0) < 0 && utf8.Valid(b)
}

// interpret turns raw front matter into typed fields, reporting type
// errors at the line of their key.
func interpret(raw *rawFrontMatter, p string, errs *ErrorList) FrontMatter {
	fm := FrontMatter{Params: map[string]any{}, Lines: map[string]int{}, Start: raw.start}
	r := reader{raw: raw, path: p, errs: errs}
	for _, k := range raw.keys {
		fm.Params[k] = raw.fields[k].value
		fm.Lines[k] = raw.fields[k].line
	}
	fm.Title = r.str("title")
	fm.Description = r.str("description")
	fm.Permalink = r.permalink()
	fm.Slug = r.str("slug")
	fm.Layout = r.str("layout")
	fm.Group = r.str("group")
	fm.Summary = r.str("summary")
	for _, c := range r.strings("changes") {
		fm.Changes = append(fm.Changes, c.Value)
	}
	fm.Material = isTrue(r.boolean("material"))
	fm.RedirectTo = r.str("redirect_to")
	fm.Weight = r.integer("weight")
	fm.Draft = isTrue(r.boolean("draft"))
	fm.TOC = r.boolean("toc")
	fm.RedirectFrom, fm.Aliases = r.strings("redirect_from"), r.strings("aliases")
	fm.LastRevised = r.firstDate("last_revised", "last_modified_at", "lastmod", "date")
	fm.Effective = r.date("effective")
	return fm
}

// isTrue reports whether an optional boolean is set and true.
func isTrue(b *bool) bool { return b != nil && *b }

// reader reads typed values out of raw front matter.
type reader struct {
	raw  *rawFrontMatter
	path string
	errs *ErrorList
}

// typeError reports a value of the wrong type at the line of its key.
func (r reader) typeError(key, want string, v any) {
	r.typeErrorAt(position{line: r.raw.fields[key].line}, key, want, v)
}

// typeErrorAt reports a value of the wrong type at p, such as a list item.
func (r reader) typeErrorAt(p position, key, want string, v any) {
	r.errs.Add(&Error{Path: r.path, Line: p.line, Col: p.col,
		Msg: fmt.Sprintf("%s must be %s, not %s", key, want, describe(v))})
}

func describe(v any) string {
	switch v.(type) {
	case nil:
		return "empty"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T %v", v, v)
}

func (r reader) str(key string) string {
	f, ok := r.raw.fields[key]
	if !ok || f.value == nil {
		return ""
	}
	switch v := f.value.(type) {
	case string:
		return v
	case int, int64, float64, bool:
		return fmt.Sprint(v)
	}
	r.typeError(key, "text", f.value)
	return ""
}

func (r reader) integer(key string) int {
	f, ok := r.raw.fields[key]
	if !ok || f.value == nil {
		return 0
	}
	switch v := f.value.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	}
	r.typeError(key, "a whole number", f.value)
	return 0
}

func (r reader) boolean(key string) *bool {
	f, ok := r.raw.fields[key]
	if !ok || f.value == nil {
		return nil
	}
	if b, ok := f.value.(bool); ok {
		return &b
	}
	r.typeError(key, "true or false", f.value)
	return nil
}

// strings reads a string or a list of strings. Each item is located at its
// own line, so an error about one entry of a list points at that entry.
func (r reader) strings(key string) []Located {
	f, ok := r.raw.fields[key]
	if !ok || f.value == nil {
		return nil
	}
	switch v := f.value.(type) {
	case string:
		return []Located{{Value: v, Line: f.line}}
	case []any:
		out := make([]Located, 0, len(v))
		for i, item := range v {
			at := f.item(i, len(v))
			s, ok := item.(string)
			if !ok {
				r.typeErrorAt(at, key, "a list of paths", item)
				continue
			}
			out = append(out, Located{Value: s, Line: at.line})
		}
		return out
	}
	r.typeError(key, "a path or a list of paths", f.value)
	return nil
}

// permalink reads permalink, or Hugo's url, reporting when both disagree.
func (r reader) permalink() string {
	p, u := r.str("permalink"), r.str("url")
	if p != "" && u != "" && p != u {
		r.errs.Add(&Error{Path: r.path, Line: r.raw.fields["url"].line,
			Msg: fmt.Sprintf("permalink %q and url %q disagree", p, u), Hint: "keep only one of them"})
	}
	if p == "" {
		return u
	}
	return p
}

// firstDate returns the first of keys that is set.
func (r reader) firstDate(keys ...string) Date {
	for _, k := range keys {
		if _, ok := r.raw.fields[k]; ok {
			return r.date(k)
		}
	}
	return Date{}
}

func (r reader) date(key string) Date {
	f, ok := r.raw.fields[key]
	if !ok || f.value == nil {
		return Date{}
	}
	text := f.text
	if text == "" {
		text = fmt.Sprint(f.value)
	}
	var d Date
	var err error
	if t, ok := f.value.(time.Time); ok && f.text == "" {
		d, err = Date{t: wallClockUTC(t)}, checkYear(text, t)
	} else {
		d, err = ParseDate(text)
	}
	if err != nil {
		d = Date{}
		r.errs.Add(&Error{Path: r.path, Line: f.line, Msg: fmt.Sprintf("%s: %v", key, err), Hint: dateHint})
	}
	return d
}

// readableName turns a file name into a title: "cookie-policy.md" → "Cookie policy".
func readableName(rel string) string {
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if base == "index" || base == "_index" {
		base = path.Base(path.Dir(rel))
	}
	base = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(base))
	if base == "" || base == "." {
		return "Untitled"
	}
	r, size := utf8.DecodeRuneInString(base)
	return strings.ToUpper(string(r)) + base[size:]
}

// body returns a source's Markdown body, reading the file again when it
// was released after loading.
func (b *builder) body(s *Source) []byte {
	if s.Body != nil {
		return s.Body
	}
	if s.blob != "" {
		return b.revisionBody(s)
	}
	raw, err := fs.ReadFile(b.src, s.file())
	if err != nil || s.bodyAt > len(raw) {
		b.errs.Errorf(s.Path, 0, "cannot read again: the file changed during the build")
		return nil
	}
	return raw[s.bodyAt:]
}

// wallClockUTC reads a local date or time (TOML's 2025-01-01, which has no
// zone and which the decoder places in the machine's zone) as the same
// wall clock in UTC, so the build does not depend on where it runs.
func wallClockUTC(t time.Time) time.Time {
	switch t.Location().String() {
	case "date-local", "datetime-local", "time-local", "Local":
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	return t
}
