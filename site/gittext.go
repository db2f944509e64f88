package site

import (
	"crypto/sha256"
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
	body    [32]byte        // bodyKey of the text
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
	return NewDate(t.changed.Time), false
}

// bodyKey identifies a body (the Markdown after the front matter) up to
// white space: it hashes the words of each paragraph, a paragraph being a
// run of lines that are not blank. Two bodies get the same key when they
// differ only in spaces, tabs, line endings, line wrapping and indentation
// within paragraphs, or in the number of blank lines between paragraphs;
// joining or splitting paragraphs changes the key, as it changes the page.
func bodyKey(body []byte) [32]byte {
	norm := make([]byte, 0, len(body))
	const none, space, paragraph = 0, 1, 2
	owed, lineHasWord := none, false // the separator owed before the next word
	for i := 0; i < len(body); {
		c, size := body[i], 1
		isSpace := c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(body[i:])
			isSpace = unicode.IsSpace(r)
		}
		switch {
		case c == '\n' && !lineHasWord:
			owed = paragraph
		case c == '\n' || isSpace:
			owed = max(owed, space)
			lineHasWord = lineHasWord && c != '\n'
		default:
			if len(norm) > 0 && owed == space {
				norm = append(norm, ' ')
			} else if len(norm) > 0 && owed == paragraph {
				norm = append(norm, '\n', '\n')
			}
			norm = append(norm, body[i:i+size]...)
			owed, lineHasWord = none, true
		}
		i += size
	}
	return sha256.Sum256(norm)
}
