package site

import (
	"path"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// The published records of a policy: the exact text of every version
// beside its page, as Markdown (index.md) and plain text (index.txt), and
// the policy's embed page (<policy>/embed/). placeRecords decides their
// paths and claims them; the render phase writes them.

// recordPaths returns the site paths of the Markdown and plain-text files
// beside a page at site path u: …/index.md and …/index.txt for a folder,
// and the page's own name with .md and .txt for a file (/privacy.html →
// /privacy.md, /privacy.txt).
func recordPaths(u string) (md, txt string) {
	if urlpath.IsFile(u) {
		base := strings.TrimSuffix(u, path.Ext(u))
		return base + ".md", base + ".txt"
	}
	return u + "index.md", u + "index.txt"
}

// embedPath returns the site path of a policy's embed page.
func embedPath(policyPath string) string { return versionsBase(policyPath) + "embed/" }

// placeRecords gives each version of p the paths of its published texts,
// beside its own page (the policy's page for a policy with one version),
// gives the policy its embed page, and claims them all.
func (m *model) placeRecords(p *Page) {
	for _, v := range p.Policy.Versions {
		page := p.sitePath
		if p.Policy.HasHistory() {
			page = versionPath(p.sitePath, v)
		}
		v.markdownPath, v.textPath = recordPaths(page)
		m.claims.claim(urlpath.File(v.markdownPath), v.src.Path, 0, m.errs)
		m.claims.claim(urlpath.File(v.textPath), v.src.Path, 0, m.errs)
	}
	p.Policy.embedPath = embedPath(p.sitePath)
	m.claims.claim(urlpath.File(p.Policy.embedPath), p.src.Path, 0, m.errs)
}

// MarkdownURL returns the URL of the version's published Markdown, the
// text whose hash policies.json gives, with the base path.
func (v *Version) MarkdownURL() string { return v.Policy.basePath + v.markdownPath }

// TextURL returns the URL of the version's published plain text, with the
// base path.
func (v *Version) TextURL() string { return v.Policy.basePath + v.textPath }

// EmbedURL returns the URL of the policy's embed page, with the base path.
func (p *Policy) EmbedURL() string { return p.basePath + p.embedPath }
