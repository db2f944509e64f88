package site

import (
	"unicode"
	"unicode/utf8"

	"github.com/clause-dev/clause/site/gitlog"
)

// gitText is one text a policy had in its git history: a run of
// consecutive revisions with the same body. The newest revision of the run
// supplies the front matter and the text shown (the latest text wins); the
// oldest is the commit that made the change, which dates the text when
// its front matter declares no date, so commits that leave the body alone
// never move its date.
type gitText struct {
	src     *Source
	changed gitlog.Revision // the commit that gave the body this text
	urls    []string        // the permalinks it had, oldest first; the last is its own
}

// extend adds a later revision with the same body to the text.
func (t *gitText) extend(s *Source, url string) {
	t.src = s
	if t.urls[len(t.urls)-1] != url {
		t.urls = append(t.urls, url)
	}
}

// date returns the text's effective date and whether its front matter
// declares it (effective, else a last-revised key); otherwise it is the
// time of the commit that made the text, whose UTC day names the version.
func (t *gitText) date() (d Date, declared bool) {
	if d = t.src.FM.Effective; d.IsZero() {
		d = t.src.FM.LastRevised
	}
	if !d.IsZero() {
		return d, true
	}
	return newDate(t.changed.Time), false
}

// normalizeBody appends to dst a body (the Markdown after the front
// matter) up to white space: the words of each paragraph, a paragraph
// being a run of lines that are not blank, joined by one space, and the
// paragraphs joined by one blank line. Two bodies normalise alike when
// they differ only in spaces, tabs, line endings, line wrapping and
// indentation within paragraphs, or in the number of blank lines between
// paragraphs; joining or splitting paragraphs is a difference, as it
// changes the page.
func normalizeBody(dst, body []byte) []byte {
	const none, space, paragraph = 0, 1, 2
	owed, lineHasWord := none, false // the separator owed before the next word
	start := len(dst)
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf && !asciiSpace[c] {
			j := i + 1
			for j < len(body) && body[j] < utf8.RuneSelf && !asciiSpace[body[j]] {
				j++
			}
			dst = appendWord(dst, start, owed == paragraph, owed == space, body[i:j])
			owed, lineHasWord, i = none, true, j
			continue
		}
		size, isSpace := 1, c != '\n'
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(body[i:])
			if isSpace = unicode.IsSpace(r); !isSpace {
				dst = appendWord(dst, start, owed == paragraph, owed == space, body[i:i+size])
				owed, lineHasWord = none, true
			}
		}
		switch {
		case isSpace:
			owed = max(owed, space)
		case c == '\n' && !lineHasWord:
			owed = paragraph
		case c == '\n':
			owed, lineHasWord = max(owed, space), false
		}
		i += size
	}
	return dst
}

// appendWord appends a run of word bytes after the separator owed, none
// before the first word (at start).
func appendWord(dst []byte, start int, paragraph, space bool, word []byte) []byte {
	switch {
	case len(dst) == start:
	case paragraph:
		dst = append(dst, '\n', '\n')
	case space:
		dst = append(dst, ' ')
	}
	return append(dst, word...)
}

// asciiSpace marks the ASCII white-space bytes, line feed included.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}
