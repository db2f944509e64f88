package redline

import (
	"strings"
	"testing"
)

// TestSetLabels checks that a Differ writes the visually hidden words it
// is given, escaped, before added and removed text, in sections changed,
// added and removed alike.
func TestSetLabels(t *testing.T) {
	old := []Block{{Kind: "p", HTML: "<p>one two</p>", WellFormed: true},
		{Kind: "h2", HTML: "<h2>Gone</h2>", Section: "gone", WellFormed: true}}
	new := []Block{{Kind: "p", HTML: "<p>one three</p>", WellFormed: true},
		{Kind: "h2", HTML: "<h2>New</h2>", Section: "new", WellFormed: true}}
	d := NewDiffer()
	d.SetLabels("hinzugefügt:", "<entfernt>")
	got := d.Diff(old, new).HTML
	for _, want := range []string{
		`<ins><span class="visually-hidden">hinzugefügt: </span>three</ins>`,
		`<del><span class="visually-hidden">&lt;entfernt&gt; </span>two</del>`,
		`<ins><span class="visually-hidden">hinzugefügt: </span>New</ins>`,
		`<del><span class="visually-hidden">&lt;entfernt&gt; </span>Gone</del>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "added: ") || strings.Contains(got, "removed: ") {
		t.Errorf("English labels left in\n%s", got)
	}
	if en := NewDiffer().Diff(old, new).HTML; !strings.Contains(en, insOpen+"three") || !strings.Contains(en, delOpen+"two") {
		t.Errorf("default labels are not English:\n%s", en)
	}
}
