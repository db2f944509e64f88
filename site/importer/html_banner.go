package importer

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages show short notices beside their text: cookie banners, a notice
// that the policy is changing, promotions. Each is dropped and reported
// for what it is. A cookie banner needs a cookie or consent signal, not
// just a class such as "banner" or "notice": a consent manager's id or
// class, an id or class that names cookies or consent on a banner-like
// element, or text about cookies with buttons to accept or reject them.

// The kinds of notice bannerKind tells apart, as notes name them.
const (
	cookieBanner   = "cookie banner"
	changeNotice   = "notice of a change to the policy"
	genericBanner  = "banner"
	noticeMaxChars = 600 // a notice is short; a longer element is text
	noticeMaxElems = 60  // and it has few elements
)

var (
	// consentManager matches the ids and classes of consent managers' banners.
	consentManager = regexp.MustCompile(`(?i)onetrust|optanon|cybot|cookiebot|didomi|\btruste\b|trustarc|osano|usercentrics|iubenda|termly|cookieyes|\bcky-|\bqc-cmp|\bcmp-|klaro|\bcc-(?:window|banner)|cookie-law-info|\bcli-bar|\bsp_message|\bfc-consent|borlabs|cmplz|complianz`)
	// consentName matches an id or class that names cookies or consent.
	consentName = regexp.MustCompile(`(?i)cookie|consent|gdpr|ccpa`)
	// bannerName matches an id or class of a banner-like element.
	bannerName = regexp.MustCompile(`(?i)banner|pop-?up|modal|overlay|notice|notification|prompt|dialog|toast|alert|\bbar\b|[-_]bar\b|\bbar[-_]|wall|sticky`)
	// noticeName matches an id or class of a notice about the page.
	noticeName = regexp.MustCompile(`(?i)banner|notice|notification|alert|announce|callout|message|toast`)
	// cookieText matches text about cookies or consent.
	cookieText = regexp.MustCompile(`(?i)\bcookies?\b|\bconsent\b|\btracking\b`)
	// consentButton matches the label of a button that answers a cookie
	// banner; "Close" does not, since every notice has it.
	consentButton = regexp.MustCompile(`(?i)^(?:accept|reject|decline|allow|agree|deny|refuse|got it|ok|okay|i understand|manage|customi[sz]e|settings|preferences)\b|\b(?:accept|reject|decline|allow|agree|deny|refuse)(?: all)?$|(?:cookie|privacy) (?:settings|preferences|choices)$`)
	// announcesChange matches text announcing that a policy is changing
	// or has changed, which a paragraph of the policy ("we will update
	// this policy when …") does not.
	announcesChange = regexp.MustCompile(`(?i)\b(?:we(?:'re|’re| are|'ve|’ve| have)|is being|are being|has been|have been)\s+(?:updat|chang|revis|amend)\w*|\bour (?:updated|revised|new) (?:privacy|cookie|data|terms)`)
	// changeText matches text about a change to a policy; with a date, it
	// announces the change.
	changeText = regexp.MustCompile(`(?i)\b(?:updat|chang|revis|amend)\w*|\bnew version\b`)
	// takesEffect matches text saying when a change applies.
	takesEffect = regexp.MustCompile(`(?i)\b(?:takes?|will take|taking)\s+effect\b|\beffective\b|\binto (?:force|effect)\b|\bappl(?:y|ies) from\b`)
	// inlineDate finds a date written in words or as YYYY-MM-DD in a text.
	inlineDate = regexp.MustCompile(`(?i)\b(?:[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? [a-z]{3,9}\.?,? \d{4}|\d{4}-\d{2}-\d{2})\b`)
)

// noticeRoles are the ARIA roles of notices.
var noticeRoles = map[string]bool{"note": true, "alert": true, "status": true, "marquee": true}

// bannerKind says which kind of notice n is, or "" when n is part of
// the page's text. A consent manager's banner, or a banner-like element
// named for cookies or consent, is a cookie banner; then a notice (by its
// role or class) that announces a change to the policy is a notice of a
// change; then text about cookies with buttons to answer it is a cookie
// banner; then an element with "banner" in its class, unless it holds the
// page's date. Only a consent manager's banner may be long: its settings
// have headings and tables of their own.
func bannerKind(n *html.Node) string {
	if !noticeTag(n) {
		return ""
	}
	names := attr(n, "id") + " " + attr(n, "class")
	if consentManager.MatchString(names) && find(n, atom.H1) == nil {
		return cookieBanner
	}
	if !noticeShaped(n) {
		return ""
	}
	text := collapse(visibleText(n))
	controls := hasConsentButton(n)
	switch {
	case consentName.MatchString(names) && (bannerName.MatchString(names) || controls):
		return cookieBanner
	case !controls && announcement(text) && (noticeRoles[attr(n, "role")] || noticeName.MatchString(names)):
		return changeNotice
	case cookieText.MatchString(text) && controls:
		return cookieBanner
	case strings.Contains(strings.ToLower(names), "banner") && !holdsDateLine(n):
		return genericBanner
	}
	return ""
}

// announcement reports whether a text announces a change to a policy:
// "we are updating our privacy policy", or a change with its date.
func announcement(text string) bool {
	if !policyWord.MatchString(text) {
		return false
	}
	return announcesChange.MatchString(text) || changeText.MatchString(text) && textDate(text) != ""
}

// noticeTag reports whether n is an element a notice is made of.
func noticeTag(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Span, atom.P, atom.Ul, atom.Dialog:
		return true
	}
	return n.Type == html.ElementNode && n.DataAtom == 0 // a custom element
}

// noticeShaped reports whether n is short enough to be a notice: a few
// elements and short text, without a heading or table.
func noticeShaped(n *html.Node) bool {
	elems, chars := 0, 0
	return walkWhile(n, func(e *html.Node) bool {
		switch {
		case e.Type == html.TextNode:
			chars += len(strings.TrimSpace(e.Data))
		case e.DataAtom == atom.H1, e.DataAtom == atom.H2, e.DataAtom == atom.H3, e.DataAtom == atom.Table:
			return false
		case e.Type == html.ElementNode:
			elems++
		}
		return elems <= noticeMaxElems && chars < noticeMaxChars
	})
}

// walkWhile visits n's subtree in document order while ok returns true,
// and reports whether it visited all of it.
func walkWhile(n *html.Node, ok func(*html.Node) bool) bool {
	if !ok(n) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !walkWhile(c, ok) {
			return false
		}
	}
	return true
}

// hasConsentButton reports whether n holds a button or link that answers
// a banner: Accept, Reject all, Manage preferences.
func hasConsentButton(n *html.Node) bool {
	found := false
	walkElements(n, func(e *html.Node) {
		button := e.DataAtom == atom.Button || attr(e, "role") == "button" ||
			e.DataAtom == atom.A || e.DataAtom == atom.Input && strings.Contains("button submit", strings.ToLower(attr(e, "type")))
		label := collapse(textOf(e))
		if e.DataAtom == atom.Input {
			label = attr(e, "value")
		}
		if button && consentButton.MatchString(label) && len(strings.Fields(label)) <= 4 {
			found = true
		}
	})
	return found
}

// holdsDateLine reports whether a line of n's text types a date: a page's
// dates are never dropped with a banner.
func holdsDateLine(n *html.Node) bool {
	found := false
	walkElements(n, func(e *html.Node) {
		if !found && isDateLine(collapse(textOf(e))) {
			found = true
		}
	})
	return found
}

// changeNoticeHint says what to do instead of importing a notice that
// says when a new version takes effect, with the date it gives; it is ""
// for a notice that gives no date and no such time.
func changeNoticeHint(n *html.Node) string {
	text := collapse(visibleText(n))
	date := textDate(text)
	switch {
	case date == "" && !takesEffect.MatchString(text):
		return ""
	case date == "":
		date = "YYYY-MM-DD"
	}
	return fmt.Sprintf("clause shows its own notice of an upcoming version: to publish the new text, run clause revise <slug> --effective %s", date)
}

// textDate returns the first readable date written in a text, as
// YYYY-MM-DD, or "".
func textDate(text string) string {
	for _, m := range inlineDate.FindAllString(text, -1) {
		if t, err := ParseDate(m); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
