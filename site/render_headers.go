package site

import (
	"slices"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"github.com/clause-dev/clause/site/redirect"
)

// headersFile is the file of response headers that Netlify and
// Cloudflare Pages read, as they read _redirects.
const headersFile = "_headers"

// writeHostHeaders writes _headers when the site writes redirect rules
// for Netlify or Cloudflare Pages (the default): one rule per policy
// that sends Access-Control-Allow-Origin: * with its embed page, so that
// clause-embed.js on an app's own domain may fetch it. A policy text is
// public, and the script sends no credentials. A site whose own assets
// or content already supply _headers keeps its file, with a warning.
func (r *renderer) writeHostHeaders(out output) {
	if !writesHostRules(r.m.redirectFormats) || len(r.m.policies) == 0 {
		return
	}
	if owner, ok := r.m.claims.owner(headersFile); ok {
		r.errs.Add(&Error{Path: owner, Severity: SeverityWarning,
			Msg:  "clause does not write its " + headersFile + " rule for the embed pages, because this file is " + headersFile,
			Hint: "add \"Access-Control-Allow-Origin: *\" for each <policy>/embed/ path to your own " + headersFile + " (see the README's Embeds)"})
		return
	}
	var b strings.Builder
	b.WriteString("# Written by clause: apps on other sites may fetch the policies' embed pages (clause-embed.js).\n")
	for _, p := range r.m.policies {
		b.WriteString(urlpath.Escape(p.Policy.EmbedURL()) + "\n  Access-Control-Allow-Origin: *\n")
	}
	r.put(out, headersFile, []byte(b.String()))
}

// writesServerRules reports whether the redirect formats include the
// Vercel or nginx configuration, which carry the embed pages' CORS rule
// beside the redirects (redirect.Options.CORS).
func writesServerRules(formats []redirect.Format) bool {
	return slices.Contains(formats, redirect.FormatVercel) || slices.Contains(formats, redirect.FormatNginx)
}

// embedPaths returns the site path of every policy's embed page, in the
// order of the policies.
func (m *model) embedPaths() []string {
	out := make([]string, 0, len(m.policies))
	for _, p := range m.policies {
		if p.Policy.embedPath != "" {
			out = append(out, p.Policy.embedPath)
		}
	}
	return out
}

// writesHostRules reports whether the redirect formats include rules for
// Netlify or Cloudflare Pages; nil formats are the defaults, which do.
func writesHostRules(formats []redirect.Format) bool {
	return formats == nil || slices.Contains(formats, redirect.FormatNetlify) || slices.Contains(formats, redirect.FormatCF)
}
