package importer

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// convertTestdata converts testdata/name and compares it with its golden
// file, name with the extension .golden.
func convertTestdata(t *testing.T, name string) (*Result, string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	res := convertFile(t, name, src, strings.TrimSuffix(name, filepath.Ext(name))+".golden")
	return res, string(res.Markdown)
}

func TestGoldenHeadingSelfLinks(t *testing.T) {
	res, md := convertTestdata(t, "selflinks.html")
	if res.Title != "Privacy Notice" {
		t.Errorf("title %q: the ¶ self-link is part of it", res.Title)
	}
	for _, h := range []string{
		"## Who we are {#who-we-are}",                            // "#" after the text
		"## What we collect {#what-we-collect}",                  // an invisible link with an aria-label
		"## How we use it {#how-we-use-it}",                      // an icon link after the heading names its id
		"## Sharing {#sharing}",                                  // an aria-hidden icon before the text
		"## How long we keep it {#retention}",                    // a link around the text, to its section
		"### Backups {#backups}",                                 // a link with text for screen readers only
		"<a id=\"your-rights\"></a>\n\n## Your rights {#rights}", // the link's own id stays
		"## Contact us {#contact}",                               // a "Back to top" link is navigation
	} {
		if !strings.Contains(md, "\n"+h+"\n") {
			t.Errorf("want the line %q in\n%s", h, md)
		}
	}
	for _, gone := range []string{"¶", "](#who-we-are)", "Back to top", "](#what-we-collect)", "user-content", "Permalink", "Link to this section", "[Your rights]", "\u200b"} {
		if strings.Contains(md, gone) {
			t.Errorf("%q should be gone from\n%s", gone, md)
		}
	}
	for _, link := range []string{"see [how long we keep it](#retention)", "Questions about [sharing](#sharing) go"} {
		if !strings.Contains(md, link) {
			t.Errorf("a link in a paragraph to a section lost its target: want %q", link)
		}
	}
}

func TestGoldenDateLines(t *testing.T) {
	res, md := convertTestdata(t, "datelines.html")
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" {
		t.Errorf("dates from two spans with no break between them: %s", got)
	}
	if strings.Contains(res.Description, "Last updated") {
		t.Errorf("the date lines became the description: %q", res.Description)
	}
	// The later date lines are not the page's: each stays a paragraph, a
	// line that clause's reading of dates in the text can read.
	for _, w := range []string{"\n\n**Last updated:** January 5, 2024\n\n", "\n\n**Effective date:** February 1, 2024\n\n", "\n\nAsk us for a copy of this version.\n"} {
		if !strings.Contains(md, w) {
			t.Errorf("want %q in\n%s", w, md)
		}
	}
	for _, l := range []string{"**Last updated:** January 5, 2024", "**Effective date:** February 1, 2024"} {
		if _, _, ok := DateLine(l); !ok {
			t.Errorf("%q is not read as a date line", l)
		}
	}
	if !strings.Contains(md, "Book a wheel up to two weeks ahead.\\\nCancel at least a day before.") {
		t.Errorf("a paragraph without dates lost its line break:\n%s", md)
	}

	res, _ = convertTestdata(t, "datelines-br.html")
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" {
		t.Errorf("dates from lines of one emphasised paragraph, one without a colon: %s", got)
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
