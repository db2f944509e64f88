package site

// languageShape is one language as the shape hashes it: its .Site
// without the pages, which siteShape hashes, its home's source (without
// its text, which siteKey adds) and the pages it lists, as indexes into
// siteShape.Pages (-1 for a page showing the default text where the
// language has an untranslated stub, which its policy's key covers).
type languageShape struct {
	Language Language
	Prefix   string
	Home     *Source
	Site     SiteData
	Listed   []int
	Groups   []groupShape
}

// languageShapes returns the shape of every language of the site.
func (m *model) languageShapes(index map[*Page]int) []languageShape {
	out := make([]languageShape, len(m.langs))
	for i, l := range m.langs {
		ls := languageShape{Language: l.Language, Prefix: l.prefix, Home: l.home}
		if l.site != nil {
			ls.Site = *l.site
			ls.Site.Policies, ls.Site.Groups = nil, nil
		}
		for _, p := range l.listed {
			ls.Listed = append(ls.Listed, indexOf(index, p))
		}
		for _, g := range l.groups {
			gs := groupShape{Group: *g}
			gs.Group.Pages = nil
			for _, p := range g.Pages {
				gs.Pages = append(gs.Pages, indexOf(index, p))
			}
			ls.Groups = append(ls.Groups, gs)
		}
		out[i] = ls
	}
	return out
}
