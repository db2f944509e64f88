package importer

import (
	"strings"
	"testing"
)

// htmlCase is an HTML snippet after a title, the lines its Markdown must
// hold and the text it must not.
type htmlCase struct {
	name, html string
	want, not  []string
}

// checkHTMLCases converts each case's snippet under an h1 title.
func checkHTMLCases(t *testing.T, tests []htmlCase) {
	t.Helper()
	for _, tt := range tests {
		md, _ := convertHTMLString(t, "<h1>Policy</h1>"+tt.html)
		for _, w := range tt.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: want %q in\n%s", tt.name, w, md)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(md, w) {
				t.Errorf("%s: %q should be gone from\n%s", tt.name, w, md)
			}
		}
	}
}

func TestHeadingSelfLinks(t *testing.T) {
	checkHTMLCases(t, []htmlCase{
		{"a hash after the text", `<h2 id="x">Data <a href="#x">#</a></h2>`, []string{"## Data {#x}\n"}, []string{"](#x)"}},
		{"a pilcrow before the text", `<h2 id="x"><a class="anchor" href="#x">¶</a> Data</h2>`, []string{"## Data {#x}\n"}, []string{"¶"}},
		{"an aria-hidden icon", `<h2 id="x">Data <a aria-hidden="true" href="#x"><span class="icon"></span></a></h2>`, []string{"## Data {#x}\n"}, []string{"](#x)"}},
		{"a link around the text", `<h2 id="x"><a href="#x">Data we keep</a></h2>`, []string{"## Data we keep {#x}\n"}, []string{"[Data we keep]"}},
		{"a link around the text names the heading", `<h2><a href="#kept">Data we keep</a></h2>`, []string{"## Data we keep {#kept}\n"}, []string{"]("}},
		{"a named link around the text", `<h2><a name="kept" href="#kept">Data we keep</a></h2>`, []string{"## Data we keep {#kept}\n"}, []string{"]("}},
		{"a link with the page's address", `<h2 id="x">Data <a href="https://example.com/privacy#x">🔗</a></h2>`, []string{"## Data {#x}\n"}, []string{"example.com"}},
		{"a link to the page itself", `<h2>Data <a href="#" class="anchor">#</a></h2>`, []string{"## Data\n"}, []string{"](#)"}},
		{"an encoded fragment", `<h2 id="a-b">Data <a href="#a%2Db">#</a></h2>`, []string{"## Data {#a-b}\n"}, []string{"](#a"}},
		{"a link to another section stays", `<h2>See <a href="#other">other</a></h2><p id="other">Other.</p>`, []string{"## See [other](#other)\n"}, nil},
		{"a hash link in a paragraph stays", `<h2 id="x">Data</h2><p>See <a href="#x">data</a>.</p>`, []string{"See [data](#x)."}, nil},
	})
	_, res := convertHTMLString(t, `<h1 id="t">Terms <a class="headerlink" href="#t" title="Permanent link">¶</a></h1><p>Text.</p>`)
	if res.Title != "Terms" {
		t.Errorf("title with a self-link: %q", res.Title)
	}
}

func TestDateLinesInOneParagraph(t *testing.T) {
	checkHTMLCases(t, []htmlCase{
		{"lines between date lines stay apart", `<p>Intro line<br>Last updated: March 1, 2025<br>Closing line<br>More</p>`,
			[]string{"Intro line\n\nClosing line\\\nMore"}, []string{"Last updated"}},
		{"a second date of one kind stays as its own paragraph", `<p>Last updated: March 1, 2025<br>Last updated: March 2, 2025</p><p>Text.</p>`,
			[]string{"Last updated: March 2, 2025\n\nText."}, []string{"March 1", `2025\`}},
		{"prose that says effective keeps its break", `<p>This is <em>effective</em> at once.<br>Second line.</p>`,
			[]string{"This is *effective* at once.\\\nSecond line."}, nil},
	})
	_, res := convertHTMLString(t, `<h1>T</h1><p><b>Last updated:</b> <time datetime="2025-03-01">1 March</time><br><b>Effective:</b> <time datetime="2025-04-01">1 April</time></p>`)
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" {
		t.Errorf("dates from <time> on lines of one paragraph: %s", got)
	}
	_, res = convertHTMLString(t, `<h1>T</h1><p>Effective May 4, 2026</p>`)
	if res.Effective.Format("2006-01-02") != "2026-05-04" {
		t.Errorf("a date label without a colon: %v", res.Effective)
	}
}

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
