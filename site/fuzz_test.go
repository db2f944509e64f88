package site

import (
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
)

// FuzzParseSource checks that no content file, however broken, panics
// the loader; problems must come back as errors.
func FuzzParseSource(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\n---\nBody\n", "+++\ntitle = 1\n+++\n", "{\n\"title\": 1\n}\n\n", "---\n- a\n---\n",
		"---\ndate: 2024-13-01\nredirect_from: {a: b}\n---\n", "\xef\xbb\xbf---\ntitle: BOM\n---\n", ";;;\n{]\n;;;\n",
		"+++\nx = {a = {b = [1, {c = '}'}]}} # ]]\n+++\n", "---\na: &a [x, x]\nb: [*a, *a]\nc: [[[{d: e}]]]\n---\n> - > 1. x\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		defer fuzzbudget.Check(t)()
		errs := &ErrorList{}
		s := parseSource("content/x.md", "x.md", raw, errs)
		if s == nil && len(errs.Errors()) == 0 {
			t.Fatal("a file was dropped without an error")
		}
		if s != nil && s.bodyAt > len(raw) {
			t.Fatalf("body offset %d past the file's %d bytes", s.bodyAt, len(raw))
		}
	})
}
