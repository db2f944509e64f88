package site

import (
	"encoding/json"
	"strings"
	"testing"
)

var sampleProblems = []*Error{
	{Path: "clause.yaml", Line: 3, Msg: "redirect chain /a/ → /b/", Severity: SeverityWarning},
	{Path: "content/privacy.md", Line: 7, Col: 9, Msg: `broken link "#x": 100%, really`, Hint: "check the heading\nor set {#id}", Severity: SeverityWarning},
	{Path: "content/terms.md", Line: 2, Msg: `last_revised: cannot read date "2026-02-30"`, Hint: dateHint},
	{Path: "content/a,b:c.md", Msg: "whole file"},
}

func TestWriteProblemsText(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := WriteProblems(&b, sampleProblems, FormatText, "site"); err != nil {
		t.Fatal(err)
	}
	want := `clause.yaml:3: warning: redirect chain /a/ → /b/
content/privacy.md:7:9: warning: broken link "#x": 100%, really
	hint: check the heading
	or set {#id}
content/terms.md:2: error: last_revised: cannot read date "2026-02-30"
	hint: ` + dateHint + `
content/a,b:c.md: error: whole file
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteProblemsJSON(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := WriteProblems(&b, sampleProblems, FormatJSON, ""); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if len(got) != 4 {
		t.Fatalf("got %d problems", len(got))
	}
	p := got[1]
	if p["path"] != "content/privacy.md" || p["line"] != 7.0 || p["col"] != 9.0 || p["severity"] != "warning" ||
		p["message"] != `broken link "#x": 100%, really` || p["hint"] != "check the heading\nor set {#id}" {
		t.Errorf("problem 2: %v", p)
	}
	if got[2]["severity"] != "error" || got[3]["line"] != 0.0 {
		t.Errorf("problems 3 and 4: %v %v", got[2], got[3])
	}
	b.Reset()
	WriteProblems(&b, nil, FormatJSON, "")
	if strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("no problems: %q", b.String())
	}
}

func TestWriteProblemsGitHub(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := WriteProblems(&b, sampleProblems, FormatGitHub, "./site"); err != nil {
		t.Fatal(err)
	}
	want := `::warning file=site/clause.yaml,line=3,title=clause check::redirect chain /a/ → /b/
::warning file=site/content/privacy.md,line=7,col=9,title=clause check::broken link "#x": 100%25, really%0Ahint: check the heading%0Aor set {#id}
::error file=site/content/terms.md,line=2,title=clause check::last_revised: cannot read date "2026-02-30"%0Ahint: ` + dateHint + `
::error file=site/content/a%2Cb%3Ac.md,title=clause check::whole file
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	if err := WriteProblems(&b, nil, "xml", ""); err == nil {
		t.Error("unknown format: no error")
	}
}
