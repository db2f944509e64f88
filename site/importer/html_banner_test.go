package importer

import (
	"regexp"
	"strings"
	"testing"
)

func TestNoticesAndCookieBanners(t *testing.T) {
	tests := []struct {
		name, html string
		note       string // "" when the element is policy text and stays
	}{
		{"an alert announcing a change", `<div role="alert">We're changing our Terms of Service on 1 July 2025.</div>`,
			`dropped notice of a change to the policy <div> "We're changing our Terms of Service on 1 July 2025.": clause shows its own notice of an upcoming version: to publish the new text, run clause revise <slug> --effective 2025-07-01`},
		{"a notice of an update already made", `<p class="announcement">We have updated our privacy notice.</p>`,
			`dropped notice of a change to the policy <p class="announcement"> "We have updated our privacy notice."`},
		{"a notice with cookie buttons is a cookie banner", `<div class="notice"><p>We use cookies.</p><button>Accept</button></div>`,
			`dropped cookie banner <div class="notice"> "We use cookies. Accept"`},
		{"a banner named for consent", `<div id="consent-bar"><p>Choose what we may store.</p></div>`,
			`dropped cookie banner <div id="consent-bar">`},
		{"a consent manager's banner and settings, however long", `<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk"><p>We use cookies.</p></div><div id="onetrust-pc-sdk"><h2>Privacy preference center</h2><table><tr><td>Strictly necessary</td></tr></table>` + strings.Repeat("<p>Vendors and purposes are listed here.</p>", 30) + `</div></div>`,
			`dropped cookie banner <div id="onetrust-consent-sdk"> "We use cookies. Privacy preference center`},
		{"a banner about the new terms", `<div class="top-banner">Read our new Terms of Service.</div>`,
			`dropped notice of a change to the policy <div class="top-banner"> "Read our new Terms of Service."`},
		{"a paragraph named consent is text", `<p id="consent">Where we rely on your consent, you may withdraw it.</p>`, ""},
		{"a banner holding the date is text", `<div class="page-banner">Last updated: March 1, 2025</div>`, ""},
		{"a notice that does not announce a change is text", `<div class="notice">We may update this policy from time to time.</div>`, ""},
	}
	for _, tt := range tests {
		md, res := convertHTMLString(t, "<h1>Policy</h1><p>Opening text.</p>"+tt.html)
		var dropNotes []string
		for _, n := range res.Notes {
			if strings.HasPrefix(n.Msg, "dropped") {
				dropNotes = append(dropNotes, n.Msg)
			}
		}
		switch {
		case tt.note == "" && len(dropNotes) > 0:
			t.Errorf("%s: dropped: %v\n%s", tt.name, dropNotes, md)
		case tt.note != "" && (len(dropNotes) != 1 || !strings.HasPrefix(dropNotes[0], tt.note)):
			t.Errorf("%s: notes %q; want one starting %q", tt.name, dropNotes, tt.note)
		}
	}
}

func TestGoldenNotices(t *testing.T) {
	res, md := convertTestdata(t, "notices.html")
	for _, note := range []string{
		`dropped notice of a change to the policy <div class="site-notice site-notice--info"> "We are updating our Cookie Policy.`,
		`clause revise <slug> --effective 2025-06-01`,
		`dropped notice of a change to the policy <div class="alert alert-warning announcement"> "Heads up: we have updated`,
		`dropped banner <div class="promo-banner"> "Free delivery`,
		`dropped cookie banner <div id="tea-consent">`,
		`dropped cookie banner <div class="bottom-bar">`,
		`dropped cookie banner <div id="CybotCookiebotDialog">`,
	} {
		if !hasNote(res, regexp.QuoteMeta(note)) {
			t.Errorf("no note %q in %v", note, res.Notes)
		}
	}
	for _, n := range res.Notes {
		if strings.Contains(n.Msg, "cookie banner") && regexp.MustCompile(`updat|Free delivery`).MatchString(n.Msg) {
			t.Errorf("a notice reported as a cookie banner: %s", n.Msg)
		}
	}
	for _, kept := range []string{"We set the cookies below only after you accept them", "| basket | Keeps your basket |",
		"Note: a cookie you declined is never set again", "We will update this policy when we add a cookie."} {
		if !strings.Contains(md, kept) {
			t.Errorf("policy text %q was dropped:\n%s", kept, md)
		}
	}
	for _, gone := range []string{"We are updating", "Heads up", "Free delivery", "Accept all", "Got it", "This website uses cookies"} {
		if strings.Contains(md, gone) {
			t.Errorf("%q should have been dropped", gone)
		}
	}
}
