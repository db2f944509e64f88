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

	"github.com/clause-dev/clause/site/internal/frontmatter"
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
	Empty    bool   // the body is empty or only white space: a translation stub
	Lead     []byte `memo:"-"` // the body's leading block, which holds its title heading if it has one (markdown.LeadingBlock)

	TextDates []TextDate // dates read from the body when the front matter has none (see textdate.go)
	dateNotes []*Error   // warnings about those dates, for files of the working tree only

	// Commit is the git commit a revision read from history (--history
	// git) was read at, "" for a file of the working tree. Path then
	// names the file and the commit, content/privacy.md@1a2b3c4, for
	// messages only: "@" is a valid character in a file name.
	Commit string

	register bool // the body writes {{ site.subprocessors }}: see registerPage

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
	Announced    Date           // when the change was announced (announced; see notice.go)
	NoticeDays   *int           // the policy's notice period (notice_days), nil when unset
	Kind         string         // what the policy is (kind: privacy; see isPrivacyPolicy)
	Params       map[string]any // every key, as written
	Lines        map[string]int // key → file line
	Start        int            // file line of the opening delimiter

	// The keys of translations (see source_translation.go).
	Lang           string // lang or language: the text's language (see assemble_languages.go)
	TranslationKey string // translation_key: matches translations whose paths differ
	TranslationOf  Date   // translation_of: the effective date of the source version translated
	Untranslated   bool   // untranslated: true or 1, a stub that is no page
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
	block, err := frontmatter.Split(raw)
	if err != nil {
		err.Path = p
		errs.Add(err)
		return nil
	}
	fields, problems := frontmatter.Decode(block)
	for _, e := range problems {
		e.Path = p
		plainYAML(e, "invalid YAML front matter: ", fileLine(raw, e.Line))
		errs.Add(e)
	}
	if fields == nil {
		return nil
	}
	s.Body, s.BodyLine, s.bodyAt = block.Body, block.BodyLine, block.BodyOffset
	s.Lead = markdown.LeadingBlock(s.Body)
	s.Empty = len(bytes.TrimSpace(s.Body)) == 0
	s.register = writesRegister(s.Body)
	s.FM = interpret(fields, block.Start, p, errs)
	s.readTextDates()
	return s
}

// isText reports whether b is UTF-8 without NUL bytes.
func isText(b []byte) bool {
	return bytes.IndexByte(b, 0) < 0 && utf8.Valid(b)
}

// interpret turns decoded front matter, opened on file line start, into
// typed fields, reporting type errors at the line of their key.
func interpret(raw *frontmatter.Fields, start int, p string, errs *ErrorList) FrontMatter {
	fm := FrontMatter{Params: map[string]any{}, Lines: map[string]int{}, Start: start}
	r := reader{raw: raw, path: p, errs: errs}
	for _, k := range raw.Keys {
		fm.Params[k] = raw.Fields[k].Value
		fm.Lines[k] = raw.Fields[k].Line
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
	r.translation(&fm)
	fm.Announced = r.date("announced")
	fm.NoticeDays = r.noticeDays()
	fm.Kind = r.str("kind")
	return fm
}

// isTrue reports whether an optional boolean is set and true.
func isTrue(b *bool) bool { return b != nil && *b }

// reader reads typed values out of decoded front matter.
type reader struct {
	raw  *frontmatter.Fields
	path string
	errs *ErrorList
}

// typeError reports a value of the wrong type at the line of its key.
func (r reader) typeError(key, want string, v any) {
	r.typeErrorAt(frontmatter.Pos{Line: r.raw.Fields[key].Line}, key, want, v)
}

// typeErrorAt reports a value of the wrong type at p, such as a list item.
func (r reader) typeErrorAt(p frontmatter.Pos, key, want string, v any) {
	r.errs.Add(&Error{Path: r.path, Line: p.Line, Col: p.Col,
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
	f, ok := r.raw.Fields[key]
	if !ok || f.Value == nil {
		return ""
	}
	switch v := f.Value.(type) {
	case string:
		return v
	case int, int64, float64, bool:
		return fmt.Sprint(v)
	}
	r.typeError(key, "text", f.Value)
	return ""
}

func (r reader) integer(key string) int {
	f, ok := r.raw.Fields[key]
	if !ok || f.Value == nil {
		return 0
	}
	switch v := f.Value.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	}
	r.typeError(key, "a whole number", f.Value)
	return 0
}

func (r reader) boolean(key string) *bool {
	f, ok := r.raw.Fields[key]
	if !ok || f.Value == nil {
		return nil
	}
	if b, ok := f.Value.(bool); ok {
		return &b
	}
	r.typeError(key, "true or false", f.Value)
	return nil
}

// strings reads a string or a list of strings. Each item is located at its
// own line, so an error about one entry of a list points at that entry.
func (r reader) strings(key string) []Located {
	f, ok := r.raw.Fields[key]
	if !ok || f.Value == nil {
		return nil
	}
	switch v := f.Value.(type) {
	case string:
		return []Located{{Value: v, Line: f.Line}}
	case []any:
		out := make([]Located, 0, len(v))
		for i, item := range v {
			at := f.Item(i, len(v))
			s, ok := item.(string)
			if !ok {
				r.typeErrorAt(at, key, "a list of paths", item)
				continue
			}
			out = append(out, Located{Value: s, Line: at.Line})
		}
		return out
	}
	r.typeError(key, "a path or a list of paths", f.Value)
	return nil
}

// permalink reads permalink, or Hugo's url, reporting when both disagree.
func (r reader) permalink() string {
	p, u := r.str("permalink"), r.str("url")
	if p != "" && u != "" && p != u {
		r.errs.Add(&Error{Path: r.path, Line: r.raw.Fields["url"].Line,
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
		if _, ok := r.raw.Fields[k]; ok {
			return r.date(k)
		}
	}
	return Date{}
}

func (r reader) date(key string) Date {
	f, ok := r.raw.Fields[key]
	if !ok || f.Value == nil {
		return Date{}
	}
	text := f.Text
	if text == "" {
		text = fmt.Sprint(f.Value)
	}
	var d Date
	var err error
	if t, ok := f.Value.(time.Time); ok && f.Text == "" {
		d, err = Date{t: wallClockUTC(t)}, checkYear(text, t)
	} else {
		d, err = ParseDate(text)
	}
	if err != nil {
		d = Date{}
		r.errs.Add(&Error{Path: r.path, Line: f.Line, Msg: fmt.Sprintf("%s: %v", key, err), Hint: dateHintFor(err)})
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
func (m *model) body(s *Source) []byte {
	if s.Body != nil {
		return s.Body
	}
	if s.blob != "" {
		return m.revisionBody(s)
	}
	raw, err := fs.ReadFile(m.in.src, s.file())
	if err != nil || s.bodyAt > len(raw) {
		m.errs.Errorf(s.Path, 0, "cannot read again: the file changed during the build")
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
