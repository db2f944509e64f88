package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// urlToken matches the bare URLs and e-mail addresses that GitHub
// Flavored Markdown turns into links; they are left unescaped so that
// they stay links.
var urlToken = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)

// entity matches an HTML character reference, which Markdown would decode.
var entity = regexp.MustCompile(`^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);`)

// escapeText escapes the characters of plain text that Markdown would read
// as markup, so that the text renders exactly as it reads: emphasis,
// code, links, raw HTML, character references, Liquid braces and
// strikethrough. Bare URLs are kept as they are. Block markers at the
// start of a line are escaped separately, by escapeLineStart.
func escapeText(s string) string {
	var b strings.Builder
	last := 0
	for _, loc := range urlToken.FindAllStringIndex(s, -1) {
		b.WriteString(escapeInline(s[last:loc[0]]))
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(escapeInline(s[last:]))
	return b.String()
}

// escapeInline escapes inline markup characters in s.
func escapeInline(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '[', ']', '<', '{', '}', '~', '|':
			b.WriteByte('\\')
		case '_':
			if !(wordAt(s, i, -1) && wordAt(s, i+1, 1)) {
				b.WriteByte('\\')
			}
		case '&':
			if entity.MatchString(strings.ToLower(s[i:min(len(s), i+12)])) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wordAt reports whether the rune before (dir -1) or at (dir 1) byte
// offset i is a letter or digit; an intraword underscore cannot start
// emphasis, so it needs no escape.
func wordAt(s string, i, dir int) bool {
	var r rune
	if dir < 0 {
		if i == 0 {
			return false
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i >= len(s) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var (
	orderedMarker = regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`)
	setextLine    = regexp.MustCompile(`^(=+|-+)\s*$`)
	headingMarker = regexp.MustCompile(`^#{1,6}(\s|$)`)
)

// escapeLineStart escapes a block marker at the start of a line of text
// that escapeText has already escaped: "# ", "> ", "- ", "+ ", "1. ",
// "2) ", ": " (a definition) and setext underlines.
func escapeLineStart(line string) string {
	switch {
	case headingMarker.MatchString(line), strings.HasPrefix(line, ">"):
		return `\` + line
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "+ "), line == "-", line == "+":
		return `\` + line
	case strings.HasPrefix(line, ": "), setextLine.MatchString(line):
		return `\` + line
	}
	if m := orderedMarker.FindStringSubmatchIndex(line); m != nil {
		return line[:m[3]] + `\` + line[m[4]:]
	}
	return line
}

// escapeHeading escapes the text of an ATX heading: inline markup, and a
// trailing run of '#' that Markdown would drop as a closing sequence.
func escapeHeading(s string) string { return escapeClosingHashes(escapeText(s)) }

// escapeURL makes a link destination safe inside (…): destinations with
// spaces or unbalanced parentheses are written in angle brackets.
func escapeURL(u string) string {
	if strings.ContainsAny(u, " <>\n") || strings.Count(u, "(") != strings.Count(u, ")") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "").Replace(u) + ">"
	}
	return u
}
