package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
)

// FuzzLiquid checks the Liquid pre-pass on any input: rendering never
// fails inside, the offset map runs forward through the source, and every
// error and link position lies within the source as written.
func FuzzLiquid(f *testing.F) {
	for _, seed := range []string{
		"Hi {{ site.name }} [x]({{ site.support }})\n", "`{{ a }}` {{ b\n", "{% raw %}{{ x }}{% endraw %}",
		"{{< a >}} {{% b %}} %7B%7Bsite.email%7D%7D", "    {{ x }}\n\n```\n{% y %}\n```\n", "\\{{ x }} {{- site.name -}}",
		"# {{ site.lines }}\n{: #t }\n", "{% raw %}", "{{}}{%%}{{<>}}",
	} {
		f.Add(seed)
	}
	r := New(testOptions())
	f.Fuzz(func(t *testing.T, src string) {
		defer fuzzbudget.Check(t)()
		out, m, _ := substituteLiquid([]byte(src), &Options{Var: testOptions().Var})
		prev := 0
		for i := 0; i <= len(out); i++ {
			s := m.source(i)
			if s < prev || s > len(src) {
				t.Fatalf("source(%d) = %d after %d (source has %d bytes)", i, s, prev, len(src))
			}
			prev = s
		}
		d := r.Render([]byte(src))
		lines := strings.Count(src, "\n") + 1
		for _, e := range d.Errors {
			if strings.HasPrefix(e.Msg, "internal error") || e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Fatalf("error %v in a source of %d lines", e, lines)
			}
		}
		for _, l := range d.Links {
			if l.Line < 1 || l.Line > lines || !bytes.Contains([]byte(src), []byte(l.Written)) {
				t.Fatalf("link %+v not in the source", l)
			}
		}
	})
}
