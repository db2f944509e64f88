package markdown

import (
	"bytes"
	"fmt"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// liquidHint is the hint of every unsupported Liquid construct.
const liquidHint = "clause does not run Liquid; replace it with Markdown, or use {{ site.KEY }} / {{ page.KEY }}"

// varHint is the hint of an unknown variable.
const varHint = "check the spelling; site.* comes from the site configuration and page.* from the page's front matter"

// shortcodeHint is the hint of a Hugo shortcode.
const shortcodeHint = "clause does not run Hugo shortcodes; replace it with Markdown or HTML"

// substituteLiquid is the Liquid pre-pass. As in Jekyll, it runs before
// Markdown is parsed: every {{ site.KEY }} and {{ page.KEY }} outside code
// is replaced by its value, inserted as Markdown text, so a variable works
// anywhere, a link destination included. Any other tag, an unknown
// variable, an unclosed tag and a Hugo shortcode are errors at their source
// offsets and are removed; {% raw %}…{% endraw %} keeps its text as written
// and "\{{" is no tag. It returns src itself and a nil map when there is
// nothing to substitute.
func substituteLiquid(src []byte, opts *Options) ([]byte, *offsetMap, []pendingError) {
	if !mayHaveLiquid(src) {
		return src, nil, nil
	}
	s := &liquidScanner{src: src, opts: opts, code: codeSpans(src)}
	s.run()
	if len(s.omap.segs) == 0 {
		return src, nil, s.errs
	}
	s.flush(len(src))
	return s.out, &s.omap, s.errs
}

// mayHaveLiquid is the cheap pre-check of substituteLiquid.
func mayHaveLiquid(b []byte) bool {
	return bytes.Contains(b, []byte("{{")) || bytes.Contains(b, []byte("{%")) ||
		bytes.Contains(b, []byte("%7B")) || bytes.Contains(b, []byte("%7b"))
}

// liquidScanner carries the pre-pass over one source.
type liquidScanner struct {
	src  []byte
	opts *Options
	code []span // code to leave alone, ascending
	out  []byte
	omap offsetMap
	lit  int // start of the source text not yet copied to out
	errs []pendingError
}

// run scans the source for tags outside code.
func (s *liquidScanner) run() {
	ci := 0
	for i := 0; i < len(s.src); {
		for ci < len(s.code) && s.code[ci].end <= i {
			ci++
		}
		if ci < len(s.code) && s.code[ci].start <= i {
			i = s.code[ci].end
			continue
		}
		j := bytes.IndexAny(s.src[i:], `{%\`)
		if j < 0 {
			return
		}
		if ci < len(s.code) && i+j >= s.code[ci].start {
			i = s.code[ci].start
			continue
		}
		i += j
		i = s.at(i)
	}
}

// at handles the text at offset i, which starts with '{', '%' or '\', and
// returns the offset to continue from.
func (s *liquidScanner) at(i int) int {
	rest := s.src[i:]
	switch {
	case bytes.HasPrefix(rest, []byte(`\{`)):
		return i + 2 // an escaped brace opens no tag
	case bytes.HasPrefix(rest, []byte("{{<")), bytes.HasPrefix(rest, []byte("{{%")):
		return s.shortcode(i)
	case bytes.HasPrefix(rest, []byte("{{")), bytes.HasPrefix(rest, []byte("{%")):
		return s.tag(i)
	case hasPrefixFold(rest, "%7B%7B"), hasPrefixFold(rest, "%7B%25"):
		return s.encodedTag(i)
	}
	return i + 1
}

// tag substitutes the {{ … }} or {% … %} at offset i.
func (s *liquidScanner) tag(i int) int {
	closer := "}}"
	if s.src[i+1] == '%' {
		closer = "%}"
	}
	line := s.line(i)
	n := bytes.Index(line[2:], []byte(closer))
	if n < 0 {
		s.errorAt(i, fmt.Sprintf("unterminated Liquid tag %s", clip(line)), liquidHint)
		s.replace(i, len(line), nil)
		return i + len(line)
	}
	tag := line[:n+4]
	if isRawTag(tag, "raw") {
		return s.raw(i, len(tag))
	}
	s.replace(i, len(tag), s.resolve(i, tag))
	return i + len(tag)
}

// maxEncodedTag bounds the length of a percent-encoded tag: a variable's
// name is short, and the bound keeps the scan linear.
const maxEncodedTag = 256

// encodedTag substitutes a tag whose braces were percent-encoded by an
// editor, as in [mail](mailto:%7B%7Bsite.email%7D%7D), at offset i.
func (s *liquidScanner) encodedTag(i int) int {
	opener, closer, plain := "%7B%7B", "%7D%7D", "{{"
	if hasPrefixFold(s.src[i+3:], "%25") {
		opener, closer, plain = "%7B%25", "%25%7D", "{%"
	}
	line := s.src[i:min(len(s.src), i+maxEncodedTag)]
	n := indexFold(line[len(opener):], closer)
	if n < 0 || bytes.IndexByte(line[:len(opener)+n], '\n') >= 0 {
		return i + len(opener)
	}
	inner := line[len(opener) : len(opener)+n]
	inner = []byte(urlpath.Decode(string(inner)))
	end := "}}"
	if plain == "{%" {
		end = "%}"
	}
	tag := []byte(plain + string(inner) + end)
	length := len(opener) + n + len(closer)
	s.replace(i, length, s.resolve(i, tag))
	return i + length
}

// maxEndraw bounds the length of an {% endraw %} tag, whitespace included.
const maxEndraw = 64

// raw keeps the text between {% raw %} (n bytes at offset i) and
// {% endraw %} as written, and removes both tags.
func (s *liquidScanner) raw(i, n int) int {
	s.replace(i, n, nil)
	for j := i + n; j < len(s.src); j++ {
		k := bytes.Index(s.src[j:], []byte("{%"))
		if k < 0 {
			break
		}
		j += k
		head := s.src[j:min(len(s.src), j+maxEndraw)]
		if nl := bytes.IndexByte(head, '\n'); nl >= 0 {
			head = head[:nl]
		}
		if e := bytes.Index(head[2:], []byte("%}")); e >= 0 && isRawTag(head[:e+4], "endraw") {
			s.replace(j, e+4, nil)
			return j + e + 4
		}
	}
	s.errorAt(i, "{% raw %} without {% endraw %}", "add {% endraw %} where the text to keep as written ends")
	return len(s.src)
}

// shortcode reports and removes the Hugo shortcode at offset i.
func (s *liquidScanner) shortcode(i int) int {
	closer := []byte(">}}")
	if s.src[i+2] == '%' {
		closer = []byte("%}}")
	}
	line := s.line(i)
	n := bytes.Index(line[3:], closer)
	if n < 0 {
		s.errorAt(i, fmt.Sprintf("unterminated Hugo shortcode %s", clip(line)), shortcodeHint)
		s.replace(i, len(line), nil)
		return i + len(line)
	}
	code := line[:n+6]
	s.errorAt(i, fmt.Sprintf("Hugo shortcode %s", clip(code)), shortcodeHint)
	s.replace(i, len(code), nil)
	return i + len(code)
}

// resolve returns the value of a whole tag at offset i, or nil after
// recording why it has none.
func (s *liquidScanner) resolve(i int, tag []byte) []byte {
	value, msg, hint := resolveLiquid(tag, s.opts)
	if msg != "" {
		s.errorAt(i, msg, hint)
		return nil
	}
	return []byte(value)
}

// line returns the source from offset i to the end of its line.
func (s *liquidScanner) line(i int) []byte {
	line := s.src[i:]
	if j := bytes.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	return bytes.TrimRight(line, "\r")
}

// replace copies the source up to offset i and puts value in place of
// the n bytes there.
func (s *liquidScanner) replace(i, n int, value []byte) {
	s.flush(i)
	s.omap.inserted(len(s.out), i, n)
	s.out = append(s.out, value...)
	s.lit = i + n
}

// flush copies the source from the last tag up to offset to.
func (s *liquidScanner) flush(to int) {
	if to <= s.lit {
		return
	}
	if s.out == nil {
		s.out = make([]byte, 0, len(s.src)+64)
	}
	s.omap.copied(len(s.out), s.lit)
	s.out = append(s.out, s.src[s.lit:to]...)
	s.lit = to
}

// errorAt records a problem at source offset i.
func (s *liquidScanner) errorAt(i int, msg, hint string) {
	s.errs = append(s.errs, pendingError{off: i, msg: msg, hint: hint})
}

// isRawTag reports whether tag is {% name %}, allowing whitespace control.
func isRawTag(tag []byte, name string) bool {
	if len(tag) < 4 || !bytes.HasPrefix(tag, []byte("{%")) {
		return false
	}
	return string(trimTag(tag[2:len(tag)-2])) == name
}

// trimTag trims spaces and Liquid's whitespace-control dashes.
func trimTag(b []byte) []byte {
	b = bytes.TrimSpace(b)
	b = bytes.TrimPrefix(b, []byte("-"))
	b = bytes.TrimSuffix(b, []byte("-"))
	return bytes.TrimSpace(b)
}

// resolveLiquid resolves one whole tag. It returns the value, or a
// problem message and hint.
func resolveLiquid(tag []byte, opts *Options) (value, msg, hint string) {
	scope, key, ok := "", "", false
	if tag[1] == '{' {
		scope, key, ok = splitVariable(trimTag(tag[2 : len(tag)-2]))
	}
	if !ok {
		return "", fmt.Sprintf("unsupported Liquid tag %s", clip(tag)), liquidHint
	}
	if opts.Var != nil {
		if v, found := opts.Var(scope, key); found {
			return v, "", ""
		}
	}
	return "", fmt.Sprintf("unknown variable %s.%s", scope, key), varHint
}

// splitVariable splits "site.KEY" or "page.KEY" (KEY dotted, made of
// letters, digits, '_' and '-') into scope and key.
func splitVariable(expr []byte) (scope, key string, ok bool) {
	dot := bytes.IndexByte(expr, '.')
	if dot < 0 {
		return "", "", false
	}
	scope, rest := string(expr[:dot]), expr[dot+1:]
	if scope != "site" && scope != "page" || len(rest) == 0 {
		return "", "", false
	}
	for i, c := range rest {
		dotOK := c == '.' && i > 0 && i < len(rest)-1 && rest[i-1] != '.'
		if !isNameChar(c) && !dotOK {
			return "", "", false
		}
	}
	return scope, string(rest), true
}

// clip shortens long tags for messages.
func clip(b []byte) string {
	const max = 80
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

// hasPrefixFold is bytes.HasPrefix ignoring ASCII case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// indexFold is bytes.Index ignoring ASCII case, for short needles
// starting with a character that has no case.
func indexFold(b []byte, needle string) int {
	for i := 0; i+len(needle) <= len(b); i++ {
		if b[i] == needle[0] && hasPrefixFold(b[i:], needle) {
			return i
		}
	}
	return -1
}
