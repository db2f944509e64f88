package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clause-dev/clause"
)

// registerCase is the golden case with a subprocessor register.
var registerCase = filepath.Join("testdata", "sites", "notice-register")

// rowsOf returns the first cell of each body row of the tables in page,
// with the class of its row: "Pinecrest Hosting AB", "row-added Driftwood …".
func rowsOf(page []byte) []string {
	var out []string
	row := regexp.MustCompile(`(?s)<tr( class="([^"]*)")?>\s*<td>(.*?)</td>`)
	tag := regexp.MustCompile(`<[^>]+>|removed: |added: `)
	for _, m := range row.FindAllSubmatch(page, -1) {
		cell := tag.ReplaceAllString(string(m[3]), "")
		if len(m[2]) > 0 {
			cell = string(m[2]) + " " + cell
		}
		out = append(out, cell)
	}
	return out
}

// TestRegisterTablePerVersion checks that every version shows the
// register as it stood on its effective date, and that the redlines mark
// the rows added and removed.
func TestRegisterTablePerVersion(t *testing.T) {
	t.Parallel()
	dest, _, err := build(t, registerCase, func(o *Options) { o.Now = goldenNow })
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"vendors/versions/2025-06-01/index.html":         "Pinecrest Hosting AB|Gullwing Mail Ltd",
		"vendors/versions/2026-03-01/index.html":         "Pinecrest Hosting AB|Driftwood Analytics GmbH",
		"vendors/index.html":                             "Pinecrest Hosting AB|Driftwood Analytics GmbH",
		"vendors/versions/2027-01-15/index.html":         "Pinecrest Hosting AB|Driftwood Analytics GmbH|Saltmarsh Support Inc.",
		"vendors/versions/2026-03-01/changes/index.html": "Pinecrest Hosting AB|row-removed Gullwing Mail Ltd|row-added Driftwood Analytics GmbH",
		"vendors/versions/2027-01-15/changes/index.html": "Pinecrest Hosting AB|Driftwood Analytics GmbH|row-added Saltmarsh Support Inc.",
	} {
		data, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rowsOf(data), "|"); got != want {
			t.Errorf("%s: rows\n got %s\nwant %s", page, got, want)
		}
		if !bytes.Contains(data, []byte(`<a href="/subprocessors.xml">Subscribe to changes to this list</a>`)) {
			t.Errorf("%s does not link to the register's feed", page)
		}
	}
}

// TestRegisterFeed checks the feed of the register's changes: one entry
// per addition and removal, newest first, none dated after the build's
// day, and the same bytes from two builds.
func TestRegisterFeed(t *testing.T) {
	t.Parallel()
	var feeds [][]byte
	for range 2 {
		dest, _, err := build(t, registerCase, func(o *Options) { o.Now = goldenNow })
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dest, "subprocessors.xml"))
		if err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, data)
	}
	if !bytes.Equal(feeds[0], feeds[1]) {
		t.Error("two builds wrote different feeds")
	}
	feed := string(feeds[0])
	titles := regexp.MustCompile(`<title>([^<]*) as a subprocessor on [^<]*</title>\s*<updated>([^<]*)</updated>`).FindAllStringSubmatch(feed, -1)
	var got []string
	for _, m := range titles {
		got = append(got, m[1]+" "+m[2][:10])
	}
	want := "Saltmarsh Support Inc. to be added 2026-12-01|Driftwood Analytics GmbH added 2026-03-01|Gullwing Mail Ltd removed 2026-03-01|" +
		"Gullwing Mail Ltd added 2024-01-01|Pinecrest Hosting AB added 2024-01-01"
	if strings.Join(got, "|") != want {
		t.Errorf("entries\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if !strings.Contains(feed, `<link rel="alternate" href="https://trust.tidewater.example/vendors/"></link>`) {
		t.Error("the feed does not link to the page that shows the register")
	}
}

// TestRegisterErrors checks that bad entries are reported at their
// lines, all of them, and that the build fails.
func TestRegisterErrors(t *testing.T) {
	t.Parallel()
	register := "- name: A\n  purpose: P\n  location: L\n  since: 2024-13-01\n" + // 1
		"- name: B\n  purpose: P\n  since: 2024-01-01\n" + // 5
		"- name: C\n  purpose: P\n  location: L\n  since: 2024-02-01\n  until: 2024-01-01\n" + // 8
		"- name: D\n  purpose: P\n  location: L\n  since: 2024-01-01\n  sincee: x\n" + // 13
		"- name: D\n  purpose: P\n  location: L\n  since: 2024-06-01\n" + // 18
		"- just text\n" // 22
	dir := newSite(t, map[string]string{"data/subprocessors.yaml": register,
		"content/vendors.md": "---\ntitle: Vendors\n---\n\n{{ site.subprocessors }}\n"})
	_, _, err := build(t, dir, nil)
	for _, want := range []string{
		`data/subprocessors.yaml:4:10: since "2024-13-01" is not a date`,
		`data/subprocessors.yaml:5:3: subprocessor entry has no location`,
		`data/subprocessors.yaml:8:3: subprocessor "C": until 2024-01-01 is not after since 2024-02-01`,
		`data/subprocessors.yaml:18: subprocessor "D" is listed twice for the same days (also on line 13)`,
		`data/subprocessors.yaml:22:3: an entry of the subprocessor register must be a mapping`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
	dir = newSite(t, map[string]string{"data/subprocessors.yaml": "- name: D\n  purpose: P\n  location: L\n  since: 2024-01-01\n  sincee: x\n",
		"content/vendors.md": "---\ntitle: Vendors\n---\n\n{{ site.subprocessors }}\n"})
	_, res, err := build(t, dir, nil)
	if err != nil || len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].Error(), `data/subprocessors.yaml:5:3: warning: unknown key "sincee" is ignored; did you mean since?`) {
		t.Errorf("err %v, warnings %v", err, res.Warnings)
	}
}

// TestRegisterCellsEscaped checks that an entry's text is shown as
// written: no HTML, links or cell breaks from the register.
func TestRegisterCellsEscaped(t *testing.T) {
	t.Parallel()
	tree, _ := mustBuild(t, map[string]string{
		"data/subprocessors.yaml": "- name: \"<script>alert(1)</script> | *Acme* [x](javascript:y)\"\n  purpose: P\n  location: L\n  data: [a|b]\n  since: 2024-01-01\n",
		"content/vendors.md":      "---\ntitle: Vendors\n---\n\nWe use: {{ site.subprocessors }}\n",
	}, nil)
	page := string(tree["vendors/index.html"])
	want := "<td>&lt;script&gt;alert(1)&lt;/script&gt; | *Acme* [x](javascript:y)</td>\n<td>P</td>\n<td>L</td>\n<td>a|b</td>"
	if !strings.Contains(page, want) {
		t.Errorf("page does not show the cells as written:\n%s", page)
	}
	if !strings.Contains(page, "<p>We use:</p>") {
		t.Error("the table did not end the paragraph it was written in")
	}
	if strings.Contains(page, "<script>") {
		t.Error("HTML from the register reached the page")
	}
}

// TestRegisterWithoutFile checks that {{ site.subprocessors }} without
// a register is the unknown variable it was before.
func TestRegisterWithoutFile(t *testing.T) {
	t.Parallel()
	_, _, err := build(t, newSite(t, map[string]string{"content/vendors.md": "---\ntitle: Vendors\n---\n\n{{ site.subprocessors }}\n"}), nil)
	if err == nil || !strings.Contains(err.Error(), "unknown variable site.subprocessors") {
		t.Errorf("err = %v", err)
	}
}

// TestRegisterServeRebuild checks that the dev server's rebuild after an
// edit of the register equals a full build: the tables of the policies
// and the feed change although no text did.
func TestRegisterServeRebuild(t *testing.T) {
	t.Parallel()
	entry := "- name: Alder Mail Ltd\n  purpose: E-mail\n  location: Ireland\n  since: 2024-01-01\n"
	dir := newSite(t, map[string]string{"clause.yaml": "title: T\n", "data/subprocessors.yaml": entry,
		"content/vendors.md": "---\ntitle: Vendors\neffective: 2025-01-01\n---\n\n{{ site.subprocessors }}\n",
		"content/terms.md":   "---\ntitle: Terms\n---\n\nText.\n"})
	opts := Options{Source: dir, Theme: clause.Theme, Getenv: func(string) string { return "" }, Now: mustDate(t, "2026-06-01")}
	sess := newSession(opts)
	if _, _, _, err := sess.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	added := entry + "- name: Birch Backup AB\n  purpose: Backups\n  location: Sweden\n  since: 2024-06-01\n"
	files := rebuildEqualsFull(t, sess, opts, writeFile(t, dir, "data/subprocessors.yaml", added, false))
	if !strings.Contains(string(files["vendors/index.html"]), "<td>Birch Backup AB</td>") {
		t.Error("the policy's table does not show the entry added")
	}
	if !strings.Contains(string(files["subprocessors.xml"]), "Birch Backup AB added as a subprocessor on 1 June 2024") {
		t.Error("the feed does not show the entry added")
	}
}

// TestRegisterNotAList checks the errors for a register that is not
// YAML, or not a list of entries.
func TestRegisterNotAList(t *testing.T) {
	t.Parallel()
	for register, want := range map[string]string{
		"- name: A\n\tpurpose: tab\n": "data/subprocessors.yaml:2: invalid YAML in data/subprocessors.yaml",
		"name: A\n":                   "data/subprocessors.yaml:1: the subprocessor register must be a list of entries",
	} {
		_, _, err := build(t, newSite(t, map[string]string{"data/subprocessors.yaml": register,
			"content/vendors.md": "---\ntitle: Vendors\n---\n\n{{ site.subprocessors }}\n"}), nil)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", register, err, want)
		}
	}
}
