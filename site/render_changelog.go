package site

import (
	"sort"
)

// allVersions returns every dated version of every policy, newest first;
// ties are broken by policy order so the list is deterministic. A policy
// without any date has nothing to be listed by (clause check warns).
func (m *model) allVersions(l *siteLanguage) []*Version {
	var out []*Version
	for _, p := range l.policies {
		for _, v := range p.Policy.Versions {
			if !v.Effective.IsZero() {
				out = append(out, v)
			}
		}
	}
	order := map[*Policy]int{}
	for i, p := range m.policies {
		order[p.Policy] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, c := out[i], out[j]
		if !a.Effective.Equal(c.Effective) {
			return a.Effective.After(c.Effective)
		}
		return order[a.Policy] < order[c.Policy]
	})
	return out
}

// renderChangelog writes one language's /changelog/, listing every
// version of every policy in it with its summary, material flag and links.
func (r *renderer) renderChangelog(out output, l *siteLanguage) {
	p := &Page{Kind: KindChangelog, sitePath: l.path("/changelog/"), layout: "changelog.html",
		Params: map[string]any{}, Entries: r.m.allVersions(l), Lang: l.Code}
	r.m.finish(p)
	p.Title, p.Description = r.say(p.Lang, "changelog"), r.say(p.Lang, "changelog_description")
	r.execute(out, p)
}
