package site

import (
	"bytes"
	"strconv"
	"sync"
	"unicode/utf8"
)

// The entries of policies.json are written by hand rather than with
// json.MarshalIndent, which encodes through reflection and then indents
// the whole text a second time: at 1,000 policies the file is tens of
// megabytes and that was a twentieth of a cold build's CPU. The text is
// byte for byte what json.MarshalIndent(entry, "    ", "  ") writes;
// TestManifestJSONMatchesEncodingJSON fills every field of these types by
// reflection and compares the two, so a field added to a type and not
// here fails it.

// manifestJSON builds one indented entry of policies.json.
type manifestJSON struct {
	b     []byte
	depth int // levels of "  " after the prefix
}

// manifestEntryPrefix starts every line of an entry after its first, as
// the entry's place in policies.json needs.
const manifestEntryPrefix = "    "

// entryBuffers holds the buffers entries are encoded in, so that each
// grows once to the size of a large entry instead of by doubling for
// every entry (at 1,000 policies of 36 sections an entry is about 20 KB).
var entryBuffers = sync.Pool{New: func() any { return new([]byte) }}

// encodePolicyEntry returns the indented JSON of one policy's entry, in
// memory of its own size.
func encodePolicyEntry(mp *manifestPolicy) []byte {
	bp := entryBuffers.Get().(*[]byte)
	defer entryBuffers.Put(bp)
	w := manifestJSON{b: (*bp)[:0]}
	defer func() { *bp = w.b[:0] }()
	w.open('{')
	w.str(true, "id", mp.ID)
	w.str(false, "title", mp.Title)
	w.str(false, "url", mp.URL)
	w.nullable("group", mp.Group)
	w.key(false, "current")
	w.version(mp.Current)
	w.key(false, "upcoming")
	w.version(mp.Upcoming)
	w.key(false, "versions")
	if mp.Versions == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.array(len(mp.Versions), func(i int) { w.version(&mp.Versions[i]) })
	}
	w.close('}')
	return bytes.Clone(w.b)
}

// version writes one version, or null.
func (w *manifestJSON) version(v *manifestVersion) {
	if v == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('{')
	w.nullableFirst("effective", v.Effective)
	w.nullable("last_revised", v.LastRevised)
	w.str(false, "status", string(v.Status))
	w.str(false, "sha256", v.SHA256)
	w.str(false, "source_sha256", v.SourceSHA256)
	w.str(false, "url", v.URL)
	w.str(false, "markdown_url", v.MarkdownURL)
	w.str(false, "text_url", v.TextURL)
	w.nullable("changes_url", v.ChangesURL)
	w.nullable("summary", v.Summary)
	w.key(false, "changes")
	w.strings(v.Changes)
	w.key(false, "material")
	w.b = strconv.AppendBool(w.b, v.Material)
	w.key(false, "sections")
	if v.Sections == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.array(len(v.Sections), func(i int) { w.section(&v.Sections[i]) })
	}
	if len(v.Translations) > 0 { // omitempty
		w.key(false, "translations")
		w.array(len(v.Translations), func(i int) { w.translation(&v.Translations[i]) })
	}
	w.close('}')
}

// section writes one section of a version.
func (w *manifestJSON) section(s *manifestSection) {
	w.open('{')
	w.str(true, "id", s.ID)
	w.str(false, "title", s.Title)
	w.key(false, "level")
	w.b = strconv.AppendInt(w.b, int64(s.Level), 10)
	w.str(false, "sha256", s.SHA256)
	w.key(false, "former_ids")
	w.strings(s.FormerIDs)
	w.close('}')
}

// translation writes one translation of a version.
func (w *manifestJSON) translation(t *manifestTranslation) {
	w.open('{')
	w.str(true, "lang", t.Lang)
	w.str(false, "url", t.URL)
	w.str(false, "sha256", t.SHA256)
	w.str(false, "source_sha256", t.SourceSHA256)
	w.str(false, "markdown_url", t.MarkdownURL)
	w.str(false, "text_url", t.TextURL)
	w.nullable("translation_of", t.TranslationOf)
	w.key(false, "stale")
	if t.Stale == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = strconv.AppendBool(w.b, *t.Stale)
	}
	w.close('}')
}

// strings writes a list of texts, null when nil.
func (w *manifestJSON) strings(list []string) {
	if list == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.array(len(list), func(i int) { w.b = appendJSONString(w.b, list[i]) })
}

// array writes n elements, each by elem, as an indented list; an empty
// list is [].
func (w *manifestJSON) array(n int, elem func(i int)) {
	if n == 0 {
		w.b = append(w.b, "[]"...)
		return
	}
	w.open('[')
	for i := range n {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.newline()
		elem(i)
	}
	w.close(']')
}

// open starts an object or a list.
func (w *manifestJSON) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
}

// close ends an object or a list on a line of its own.
func (w *manifestJSON) close(c byte) {
	w.depth--
	w.newline()
	w.b = append(w.b, c)
}

// manifestIndent is the indentation of the deepest lines policies.json
// has, and more: newline takes a prefix of it.
const manifestIndent = "                                "

// newline starts a line at the current depth.
func (w *manifestJSON) newline() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, manifestEntryPrefix...)
	n := 2 * w.depth
	for n > len(manifestIndent) {
		w.b = append(w.b, manifestIndent...)
		n -= len(manifestIndent)
	}
	w.b = append(w.b, manifestIndent[:n]...)
}

// key starts a member of an object; first is false for every member but
// the first, which are preceded by a comma.
func (w *manifestJSON) key(first bool, name string) {
	if !first {
		w.b = append(w.b, ',')
	}
	w.newline()
	w.b = appendJSONString(w.b, name)
	w.b = append(w.b, ": "...)
}

// str writes a member whose value is a text.
func (w *manifestJSON) str(first bool, name, value string) {
	w.key(first, name)
	w.b = appendJSONString(w.b, value)
}

// nullable writes a member that is null when empty (not the first).
func (w *manifestJSON) nullable(name string, value nullable) {
	w.key(false, name)
	w.nullValue(value)
}

// nullableFirst is nullable for an object's first member.
func (w *manifestJSON) nullableFirst(name string, value nullable) {
	w.key(true, name)
	w.nullValue(value)
}

// nullValue writes value, or null when it is empty.
func (w *manifestJSON) nullValue(value nullable) {
	if value == "" {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = appendJSONString(w.b, string(value))
}

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it: <, > and & escaped for HTML, the other characters below
// U+0020 as \b, \f, \n, \r, \t or \u00XX, U+2028 and U+2029 escaped, and
// each byte of invalid UTF-8 as \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
