package i18n

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/clause-dev/clause/internal/suggest"
)

// Wrap is a value for [text](name) that wraps text in an element
// instead of linking it: Wrap("ins") gives <ins>text</ins>.
type Wrap string

// wrapTags are the elements a Wrap may name.
var wrapTags = map[Wrap]bool{"ins": true, "del": true, "strong": true, "em": true, "mark": true}

// dated is a date value: site.Date, or anything else with its time.
type dated interface{ Time() time.Time }

// Text returns the message of key in lang as plain text, with args, a
// list of name, value pairs, put in its placeholders (see the package
// doc). An unknown key, an odd list or a placeholder without a value is
// an error.
func (c *Catalog) Text(lang, key string, args ...any) (string, error) {
	return c.format(lang, key, args, false)
}

// HTML returns the message of key in lang as HTML: its text escaped,
// dates in <time> elements and [text](name) as links or wrapped text.
func (c *Catalog) HTML(lang, key string, args ...any) (template.HTML, error) {
	s, err := c.format(lang, key, args, true)
	return template.HTML(s), err
}

// format renders the message of key in lang as text or HTML.
func (c *Catalog) format(lang, key string, args []any, html bool) (string, error) {
	if c == nil {
		c = Theme() // a build that loaded no site words
	}
	m, ok := c.lookup(lang, key)
	if !ok {
		msg := fmt.Sprintf("no word %q in the theme's catalog", key)
		if s, ok := suggest.Closest(key, c.keys); ok {
			msg += fmt.Sprintf("; did you mean %s?", s)
		}
		return "", fmt.Errorf("%s", msg)
	}
	vals, err := pairs(args)
	if err != nil {
		return "", fmt.Errorf("word %s: %w", key, err)
	}
	c0, _ := vals.get("count")
	count, counted := c0.(int)
	f := formatter{lang: lang, vals: vals, html: html}
	out, err := f.render(m.pick(lang, count, counted), true)
	if err != nil {
		return "", fmt.Errorf("word %s in %s: %w", key, lang, err)
	}
	return out, nil
}

// values are the name, value pairs a message is given, as given: a
// message takes a handful, which a scan finds faster than a map.
type values []any

// pairs checks that args are name, value pairs.
func pairs(args []any) (values, error) {
	if len(args)%2 != 0 {
		return nil, fmt.Errorf("the values come in name, value pairs; %d is an odd number of arguments", len(args))
	}
	for i := 0; i < len(args); i += 2 {
		if _, ok := args[i].(string); !ok {
			return nil, fmt.Errorf("argument %d is a %T, not the name of a value", i+1, args[i])
		}
	}
	return values(args), nil
}

// get returns the value named name; the last one given wins.
func (v values) get(name string) (any, bool) {
	for i := len(v) - 2; i >= 0; i -= 2 {
		if v[i].(string) == name {
			return v[i+1], true
		}
	}
	return nil, false
}

// formatter renders one message.
type formatter struct {
	lang string
	vals values
	html bool
}

// render writes msg with its placeholders filled and, where links may
// appear (not inside a link's own text), its links.
func (f formatter) render(msg string, links bool) (string, error) {
	var b strings.Builder
	b.Grow(len(msg) + 32)
	start := 0 // the start of the literal text not yet written
	for i := 0; i < len(msg); {
		switch msg[i] {
		case '{':
			if name, n := placeholder(msg[i:]); n > 0 {
				f.literal(&b, msg[start:i])
				if err := f.value(&b, name); err != nil {
					return "", err
				}
				i += n
				start = i
				continue
			}
		case '[':
			if text, name, n := link(msg[i:]); links && n > 0 {
				f.literal(&b, msg[start:i])
				if err := f.link(&b, text, name); err != nil {
					return "", err
				}
				i += n
				start = i
				continue
			}
		}
		i++
	}
	f.literal(&b, msg[start:])
	return b.String(), nil
}

// literal writes text of the message itself.
func (f formatter) literal(b *strings.Builder, s string) {
	if f.html {
		b.WriteString(escapeHTML(s))
		return
	}
	b.WriteString(s)
}

// value writes the value of the placeholder name.
func (f formatter) value(b *strings.Builder, name string) error {
	v, ok := f.vals.get(name)
	if !ok {
		return fmt.Errorf("no value for {%s}", name)
	}
	switch v := v.(type) {
	case template.HTML:
		b.WriteString(string(v)) // HTML given by the template: as it is, in text too, which the template escapes
	case dated:
		t := v.Time()
		if t.IsZero() {
			return nil
		}
		if f.html {
			b.WriteString(`<time datetime="` + t.Format("2006-01-02") + `">` + escapeHTML(FormatDate(f.lang, t)) + `</time>`)
		} else {
			b.WriteString(FormatDate(f.lang, t))
		}
	default:
		f.literal(b, stringOf(v))
	}
	return nil
}

// link writes [text](name): text linked to the address in name, or
// wrapped in the element a Wrap names.
func (f formatter) link(b *strings.Builder, text, name string) error {
	inner, err := f.render(text, false)
	if err != nil {
		return err
	}
	if !f.html {
		b.WriteString(inner)
		return nil
	}
	addr, _ := f.vals.get(name)
	switch v := addr.(type) {
	case Wrap:
		if !wrapTags[v] {
			return fmt.Errorf("[…](%s) wraps in <%s>, which is not one of ins, del, strong, em or mark", name, v)
		}
		b.WriteString("<" + string(v) + ">" + inner + "</" + string(v) + ">")
	case string:
		b.WriteString(`<a href="` + escapeHTML(normalizeURL(v)) + `">` + inner + `</a>`)
	case nil:
		return fmt.Errorf("no address for [%s](%s)", text, name)
	default:
		return fmt.Errorf("the address for [%s](%s) is a %T, not text", text, name, v)
	}
	return nil
}

// stringOf writes a value of a placeholder as text.
func stringOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// placeholder returns the name of the {name} at the start of s and its
// length, or 0 when s does not start with one.
func placeholder(s string) (string, int) {
	end := strings.IndexByte(s, '}')
	if end < 2 || !isName(s[1:end]) {
		return "", 0
	}
	return s[1:end], end + 1
}

// link returns the text and name of the [text](name) at the start of s
// and its length, or 0 when s does not start with one.
func link(s string) (text, name string, n int) {
	mid := strings.Index(s, "](")
	if mid < 0 {
		return "", "", 0
	}
	end := strings.IndexByte(s[mid:], ')')
	if end < 0 || !isName(s[mid+2:mid+end]) || strings.ContainsAny(s[1:mid], "[]") {
		return "", "", 0
	}
	return s[1:mid], s[mid+2 : mid+end], mid + end + 1
}

// isName reports whether s is a placeholder or link name: letters,
// digits and underscores.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Names returns the placeholder and link names a message uses, for
// checking a translation against its source.
func Names(msg string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < len(msg); i++ {
		switch msg[i] {
		case '{':
			if name, n := placeholder(msg[i:]); n > 0 {
				out[name] = true
			}
		case '[':
			if text, name, n := link(msg[i:]); n > 0 {
				out[name] = true
				for k := range Names(text) {
					out[k] = true
				}
				i += n - 1
			}
		}
	}
	return out
}
