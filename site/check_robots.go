package site

import (
	"net/url"
)

// robotsOutOfReach notes that robots.txt cannot work when base_url has a
// path: clause writes it at the top of the site, /policies/robots.txt
// for https://example.github.io/policies/, but crawlers read robots.txt
// only at the root of a host, so its Sitemap line is never seen. It is
// an info note, not a warning: a site published under a path cannot
// change that, and --strict must not fail on it. The note points at
// base_url in clause.yaml, or names the flag or variable that set it.
func (c *checker) robotsOutOfReach() {
	cfg := c.in.Config
	if cfg.basePath() == "" || c.in.Files["robots.txt"] == nil {
		return
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return
	}
	root := u.Scheme + "://" + u.Host
	path, line := configFile, cfg.lines["base_url"]
	if by := c.in.BaseURLBy; by != "" {
		path, line = by, 0
	}
	c.errs.Add(&Error{Path: path, Line: line, Severity: SeverityInfo,
		Msg: "robots.txt is written to " + cfg.absBase() + "/robots.txt, where crawlers never read it: " +
			"with base_url under a path, only " + root + "/robots.txt counts",
		Hint: "to point crawlers at the sitemap, add the line \"Sitemap: " + cfg.absBase() + "/sitemap.xml\" to " +
			root + "/robots.txt (on GitHub Pages, in your user or organization site), or submit the sitemap to the search engines"})
}
