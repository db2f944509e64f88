package site

import (
	"strings"
	"testing"
	"time"
)

// TestTOMLValues checks the values go-toml decodes: local dates and times
// are the same wall clock in UTC, at the top level and nested, and a
// repeated key is an error naming it at its second line.
func TestTOMLValues(t *testing.T) {
	src := "+++\ntitle = \"T\"\neffective = 2024-03-05\nlast_revised = 2024-03-01T09:30:00\n[params]\nat = 10:15:00\nlist = [2024-01-02]\n+++\nBody\n"
	errs := &ErrorList{}
	s := parseSource("content/x.md", "x.md", []byte(src), errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	if got := s.FM.Effective.ISO(); got != "2024-03-05" {
		t.Errorf("effective = %s", got)
	}
	if got := s.FM.LastRevised.RFC3339(); got != "2024-03-01T09:30:00Z" {
		t.Errorf("last_revised = %s", got)
	}
	params := s.FM.Params["params"].(map[string]any)
	if got := params["at"].(time.Time); got.Hour() != 10 || got.Minute() != 15 || got.Location() != time.UTC {
		t.Errorf("params.at = %v", got)
	}
	if got := params["list"].([]any)[0].(time.Time); !got.Equal(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("params.list[0] = %v", got)
	}
	err := parseErr("+++\ntitle = \"é\"\ntitle = \"b\"\n+++\nBody\n")
	if !strings.Contains(err, `content/x.md:3:1: invalid TOML front matter: key title is already defined (key "title")`) {
		t.Errorf("repeated key: %s", err)
	}
	err = parseErr("+++\n\uFEFFtitle = \"é\" x\n+++\nBody\n")
	if !strings.Contains(err, "content/x.md:2:17: invalid TOML front matter: expected newline") {
		t.Errorf("error after a byte order mark: %s", err)
	}
}
