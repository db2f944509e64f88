package site

import (
	"strings"
	"testing"
)

func TestInterpretFrontMatter(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: Privacy\npermalink: /privacy.html\nredirect_from:\n  - /old/\n  - /older\naliases: [/hugo/]\ntoc: false\nweight: 3\nlastmod: 2024-05-06\neffective: 2024-06-01T10:00:00Z\npath: /privacy\n---\nBody\n"
	errs := &ErrorList{}
	s := parseSource("content/p.md", "p.md", []byte(src), errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	fm := s.FM
	if fm.Title != "Privacy" || fm.Permalink != "/privacy.html" || fm.Weight != 3 || fm.TOC == nil || *fm.TOC {
		t.Errorf("fields: %+v", fm)
	}
	want := []Located{{"/old/", 5}, {"/older", 6}}
	if len(fm.RedirectFrom) != 2 || fm.RedirectFrom[0] != want[0] || fm.RedirectFrom[1] != want[1] ||
		len(fm.Aliases) != 1 || fm.Aliases[0].Value != "/hugo/" {
		t.Errorf("redirects = %v and aliases %v, want %v and /hugo/", fm.RedirectFrom, fm.Aliases, want)
	}
	if fm.LastRevised.ISO() != "2024-05-06" || fm.Effective.RFC3339() != "2024-06-01T10:00:00Z" {
		t.Errorf("dates = %v %v", fm.LastRevised, fm.Effective.RFC3339())
	}
	if fm.Params["path"] != "/privacy" {
		t.Errorf("Params[path] = %v", fm.Params["path"])
	}
	if s.BodyLine != 14 {
		t.Errorf("BodyLine = %d, want 14", s.BodyLine)
	}
}

func TestInterpretErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want string }{
		{"---\ntitle: A\ndate: 2024-13-45\n---\n", `content/p.md:3: date: cannot read date "2024-13-45"`},
		{"---\ntoc: maybe\n---\n", "content/p.md:2: toc must be true or false"},
		{"---\nweight: heavy\n---\n", "content/p.md:2: weight must be a whole number"},
		{"---\nredirect_from: {a: b}\n---\n", "content/p.md:2: redirect_from must be a path or a list of paths"},
		{"---\ntitle: [a, b]\n---\n", "content/p.md:2: title must be text, not a list"},
		{"---\npermalink: /a/\nurl: /b/\n---\n", `content/p.md:3: permalink "/a/" and url "/b/" disagree`},
	}
	for _, tt := range tests {
		errs := &ErrorList{}
		parseSource("content/p.md", "p.md", []byte(tt.src), errs)
		err := errs.Err()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestBinaryContent(t *testing.T) {
	t.Parallel()
	errs := &ErrorList{}
	if s := parseSource("content/x.md", "x.md", []byte("%PDF-1.4\x00\x01\x02"), errs); s != nil {
		t.Fatal("binary file parsed")
	}
	if err := errs.Err(); err == nil || !strings.Contains(err.Error(), "content/x.md: not a text file") {
		t.Errorf("err = %v", err)
	}
}
