package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one non-blank line of plain-text input.
type line struct {
	text   string // without indentation and trailing space
	indent int
	num    int // 1-based line number in the input
}

// splitBlocks cuts plain text into blocks of lines separated by blank lines.
func splitBlocks(src string) [][]line {
	src = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", "    ").Replace(src)
	var blocks [][]line
	var cur []line
	for i, raw := range strings.Split(src, "\n") {
		raw = strings.TrimRight(raw, " \u00a0")
		text := strings.TrimLeft(raw, " \u00a0")
		if text == "" {
			if cur != nil {
				blocks, cur = append(blocks, cur), nil
			}
			continue
		}
		cur = append(cur, line{text: text, indent: len(raw) - len(text), num: i + 1})
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	return blocks
}

// convertText converts a plain-text policy into d.
func convertText(d *doc, src string) {
	blocks := takeTitle(d, splitBlocks(src))
	c := &textConv{d: d, level: 1}
	for _, b := range blocks {
		c.block(b)
	}
}

// policyWord marks a line that names a policy, which makes it the title
// rather than a banner.
var policyWord = regexp.MustCompile(`(?i)\b(privacy|policy|policies|terms|notice|cookies?|statement|agreement|conditions|data protection|gdpr|ccpa|addendum|disclosures?)\b`)

// takeTitle finds the title among the short lines before the first prose:
// the first that names a policy, else the first. Lines above it are
// banners: they are dropped and reported. It returns the blocks after it.
func takeTitle(d *doc, blocks [][]line) [][]line {
	var head []line
scan:
	for _, b := range blocks {
		for _, l := range b {
			_, _, isDate := anyDateLine(l.text)
			if !isDate && !titleLike(l.text, 15) || sectionLine(l) {
				break scan
			}
			head = append(head, l)
		}
	}
	pick := -1
	for i, l := range head {
		if _, _, isDate := anyDateLine(l.text); !isDate && (pick < 0 || policyWord.MatchString(l.text) && !policyWord.MatchString(head[pick].text)) {
			pick = i
		}
	}
	if pick < 0 {
		return blocks
	}
	for _, l := range head[:pick] {
		if !d.takeDate(l.text, l.num) {
			d.note(l.num, "dropped %q above the title", l.text)
		}
	}
	d.title = head[pick].text
	return linesAfter(blocks, head[pick].num)
}

// linesAfter returns the blocks with every line up to line n removed.
func linesAfter(blocks [][]line, n int) [][]line {
	var out [][]line
	for _, b := range blocks {
		var kept []line
		for _, l := range b {
			if l.num > n {
				kept = append(kept, l)
			}
		}
		if kept != nil {
			out = append(out, kept)
		}
	}
	return out
}

// titleLike reports whether s reads as a title rather than a sentence:
// at most words words and not ending in sentence punctuation.
func titleLike(s string, words int) bool {
	n := len(strings.Fields(s))
	return n > 0 && n <= words && len(s) <= 120 && !strings.ContainsAny(s[len(s)-1:], ".,;!?")
}

var (
	numbered    = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$`)
	roman       = regexp.MustCompile(`^([IVX]{2,5})\.\s+(\S.*)$`)
	lettered    = regexp.MustCompile(`^([A-Z])[.)]\s+(\S.*)$`)
	bullet      = regexp.MustCompile(`^[•●◦▪▫‣∙·○■□–—*+-]\s+(\S.*)$`)
	orderedItem = regexp.MustCompile(`^(\d{1,3})\.\s+(\S.*)$`)
	enumeration = regexp.MustCompile(`(?i)^\(?(?:[a-z]|[ivx]{1,5}|\d{1,2})\)\s`)
)

// headingOf returns the Markdown heading level and text of a section
// line: "2. SCOPE" and "2.1 Scope" (numbered), "II. SCOPE" (roman),
// "A. Scope" (lettered) and "SCOPE" (all capitals). Long lines are
// paragraphs, whatever their start.
func headingOf(l line) (level int, text string) {
	if l.indent > 3 {
		return 0, ""
	}
	s := l.text
	if m := numbered.FindStringSubmatch(s); m != nil && titleLike(s, 15) && startsUpper(m[2]) {
		return min(1+len(strings.Split(m[1], ".")), 4), s
	}
	if m := roman.FindStringSubmatch(s); m != nil && titleLike(s, 15) {
		return 2, s
	}
	if m := lettered.FindStringSubmatch(s); m != nil && titleLike(s, 12) && startsUpper(m[2]) {
		return 3, s
	}
	if allCaps(s) && titleLike(s, 10) {
		return 2, s
	}
	return 0, ""
}

// sectionLine reports whether l is a numbered, roman or lettered section
// line, which can never be the title.
func sectionLine(l line) bool {
	s := l.text
	return numbered.MatchString(s) || roman.MatchString(s) || lettered.MatchString(s)
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || strings.ContainsRune("“\"'‘", r)
	}
	return false
}

// allCaps reports whether s has at least three letters and no lower-case one.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// textConv converts the blocks after the title.
type textConv struct {
	d     *doc
	level int // the level of the last heading; the title is 1
}

// block converts one block: date lines, section headings, then
// paragraphs and lists. A heading need not follow a blank line: one met
// inside the block splits it there.
func (c *textConv) block(b []line) {
	var rest []line
	for _, l := range b {
		if !c.d.takeDate(l.text, l.num) {
			rest = append(rest, l)
		}
	}
	start := 0
	for i := range rest {
		if lv, text := headingOf(rest[i]); lv > 0 && opensSection(rest, i, i == start) {
			c.body(rest[start:i])
			c.heading(lv, text)
			start = i + 1
		}
	}
	c.body(rest[start:])
}

// opensSection reports whether rest[i], a heading by its own text, is one
// in its place. The line after it must not be a list item. Inside a block
// it must not be a bullet nor come before ALL-CAPS text, and unless it
// follows a heading, the line before it must end a sentence or a list
// item, not be ALL-CAPS (a capital line amid capitals is a wrapped
// disclaimer), not be indented deeper (the line would continue a list
// item) and not be the item that this line's number follows.
func opensSection(rest []line, i int, afterHeading bool) bool {
	if i+1 < len(rest) && isItem(rest[i+1]) {
		return false
	}
	if i == 0 {
		return true
	}
	l := rest[i]
	if bullet.MatchString(l.text) || i+1 < len(rest) && allCaps(rest[i+1].text) {
		return false
	}
	if afterHeading {
		return true
	}
	prev := rest[i-1]
	ends := endsSentence(prev.text) || isItem(prev)
	return ends && !allCaps(prev.text) && prev.indent <= l.indent && !nextItem(prev, l)
}

// nextItem reports whether l is numbered as the list item after prev,
// such as "2. Access" after "1. We collect your name.".
func nextItem(prev, l line) bool {
	p, m := orderedItem.FindStringSubmatch(prev.text), orderedItem.FindStringSubmatch(l.text)
	return p != nil && m != nil && atoi(m[1]) == atoi(p[1])+1
}

// endsSentence reports whether s ends with a full stop, question or
// exclamation mark, before any closing brackets and quotes.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")]\"'”’»")
	return s != "" && strings.ContainsAny(s[len(s)-1:], ".!?")
}

// heading writes a section heading, never skipping a level.
func (c *textConv) heading(lv int, text string) {
	lv = min(lv, c.level+1)
	c.level = lv
	c.d.add(strings.Repeat("#", lv) + " " + escapeHeading(text))
}

// body converts lines that hold no heading into paragraphs and lists.
func (c *textConv) body(lines []line) {
	for i := 0; i < len(lines); {
		if isItem(lines[i]) {
			i = c.list(lines, i)
		} else {
			i = c.para(lines, i)
		}
	}
}

func isItem(l line) bool { return bullet.MatchString(l.text) || orderedItem.MatchString(l.text) }

// para converts lines from i up to the next list item into a paragraph.
// A line that starts an enumeration ("(a) …") stays on a line of its own.
func (c *textConv) para(lines []line, i int) int {
	var md, plain []string
	for ; i < len(lines) && !isItem(lines[i]); i++ {
		t := lines[i].text
		if len(md) > 0 && enumeration.MatchString(t) {
			md[len(md)-1] += `\`
		}
		md = append(md, escapeLineStart(escapeText(t)))
		plain = append(plain, t)
	}
	c.d.paragraph(strings.Join(plain, " "))
	c.d.add(strings.Join(md, "\n"))
	return i
}

// list converts consecutive list items from i, nesting them by their
// indentation. A line that is not an item continues the item above it
// when it is indented deeper than that item's marker.
func (c *textConv) list(lines []line, i int) int {
	type level struct{ indent, width int }
	var stack []level
	var out []string
	for ; i < len(lines); i++ {
		l := lines[i]
		if !isItem(l) {
			if len(stack) == 0 || l.indent <= stack[len(stack)-1].indent {
				break
			}
			out[len(out)-1] += " " + escapeText(l.text)
			continue
		}
		marker, text := itemMarker(l.text)
		if len(stack) == 0 || l.indent >= stack[len(stack)-1].indent+2 {
			stack = append(stack, level{indent: l.indent})
		}
		for len(stack) > 1 && l.indent < stack[len(stack)-1].indent {
			stack = stack[:len(stack)-1]
		}
		stack[len(stack)-1].width = len(marker)
		pad := 0
		for _, s := range stack[:len(stack)-1] {
			pad += s.width
		}
		out = append(out, strings.Repeat(" ", pad)+marker+escapeLineStart(escapeText(text)))
	}
	c.d.add(strings.Join(out, "\n"))
	return i
}

// itemMarker returns the Markdown marker of a list item line and its text.
func itemMarker(s string) (marker, text string) {
	if m := orderedItem.FindStringSubmatch(s); m != nil {
		return m[1] + ". ", m[2]
	}
	return "- ", bullet.FindStringSubmatch(s)[1]
}

// firstSentence returns the first sentence of s, cut at a word boundary
// to at most max bytes.
func firstSentence(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	for i := 0; i+2 < len(s); i++ {
		if strings.IndexByte(".!?", s[i]) >= 0 && s[i+1] == ' ' && startsUpper(s[i+2:]) && !abbreviation(s[:i]) {
			s = s[:i+1]
			break
		}
	}
	if len(s) <= max {
		return s
	}
	return cutWords(strings.TrimRight(s, ",;:("), max)
}

// cutWords cuts s to at most max bytes at a word boundary (or, in one
// long word, a rune boundary) and adds an ellipsis when it cut.
func cutWords(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut <= 0 {
		cut = max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:(") + "…"
}

// abbreviation reports whether the text before a full stop ends with an
// abbreviation such as "Ltd" or "e.g", which does not end a sentence.
func abbreviation(before string) bool {
	word := before[strings.LastIndexByte(before, ' ')+1:]
	switch strings.ToLower(strings.Trim(word, "(“\"")) {
	case "ltd", "inc", "co", "corp", "llc", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "u.s", "s.a":
		return true
	}
	return len([]rune(word)) == 1
}
