package diag

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestError(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "a.md", Line: 3, Col: 5, Msg: "m", Hint: "h"}, "a.md:3:5: m\n\thint: h"},
		{Diagnostic{Path: "a.md", Line: 3, Severity: Warning, Msg: "m"}, "a.md:3: warning: m"},
		{Diagnostic{Path: "a.md", Col: 5, Severity: Info, Msg: "m"}, "a.md: info: m"},
		{Diagnostic{Msg: "m", Hint: "h"}, "m\n\thint: h"},
		{Diagnostic{Line: 3, Col: 5, Msg: "m"}, "3:5: m"},
	}
	for _, c := range cases {
		if got := c.d.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
}

func TestListSortsAndDeduplicates(t *testing.T) {
	var l List
	l.Errorf("b.md", 1, "x")
	l.Warnf("a.md", 2, "y")
	l.Add(&Diagnostic{Path: "a.md", Line: 2, Col: 1, Msg: "z"})
	l.Errorf("b.md", 1, "x")
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.Error())
	}
	want := "a.md:2: warning: y|a.md:2:1: z|b.md:1: x"
	if strings.Join(got, "|") != want {
		t.Errorf("Items = %q, want %q", strings.Join(got, "|"), want)
	}
	if n := l.ErrorCount(); n != 3 {
		t.Errorf("ErrorCount = %d, want 3 (duplicates count)", n)
	}
	if n := len(l.Warnings()); n != 1 {
		t.Errorf("Warnings = %d, want 1", n)
	}
	be, ok := l.Err().(*BuildError)
	if !ok || be.Error() != "a.md:2:1: z\nb.md:1: x" {
		t.Errorf("Err = %v", l.Err())
	}
	l.Sort()
	if len(l.items) != 3 {
		t.Errorf("Sort kept %d items, want 3", len(l.items))
	}
}

func TestDemote(t *testing.T) {
	var l List
	l.Demote("old.md", "history")
	l.Errorf("old.md", 1, "bad")
	l.Errorf("new.md", 1, "bad")
	if l.ErrorCount() != 1 || len(l.Warnings()) != 1 || l.Warnings()[0].Hint != "history" {
		t.Errorf("Demote: %v", l.Items())
	}
	if (&List{}).Err() != nil {
		t.Error("an empty List has an Err")
	}
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(&Diagnostic{Path: "a.md", Line: 1, Severity: Info, Msg: "m"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"path":"a.md","line":1,"col":0,"severity":"info","message":"m","hint":""}`
	if string(b) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
}
