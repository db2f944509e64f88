package redirect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/internal/diag"
)

// VercelFile is Vercel's project configuration file.
const VercelFile = "vercel.json"

// VercelRouteLimit is the most routes Vercel accepts from vercel.json.
const VercelRouteLimit = 1024

// vercelRedirect is one entry of vercel.json's "redirects" array.
type vercelRedirect struct {
	Source      string `json:"source"`
	Destination string `json:"destination"`
	Permanent   bool   `json:"permanent"`
}

// vercelPattern escapes the characters Vercel's path-to-regexp sources
// treat as syntax; the rest are already percent-encoded.
var vercelPattern = strings.NewReplacer("+", `\+`, ":", `\:`, "*", `\*`, "?", `\?`, "(", `\(`, ")", `\)`)

// renderVercel writes vercel.json with a permanent redirect for every
// spelling of every source, base path applied.
func renderVercel(items []item, opts Options, out map[string][]byte) []Error {
	rules := make([]vercelRedirect, 0, 2*len(items))
	for _, it := range items {
		for _, v := range ruleSources(it) {
			rules = append(rules, vercelRedirect{
				Source:      vercelPattern.Replace(sourceURL(v, opts.BasePath)),
				Destination: it.url,
				Permanent:   true,
			})
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Redirects []vercelRedirect `json:"redirects"`
	}{rules}); err != nil {
		return []Error{{Path: VercelFile, Msg: fmt.Sprintf("encoding %s: %v", VercelFile, err)}}
	}
	out[VercelFile] = b.Bytes()
	if len(rules) <= VercelRouteLimit {
		return nil
	}
	return []Error{{Path: VercelFile, Severity: diag.Warning,
		Msg:  fmt.Sprintf("%d redirect rules exceed the %d routes Vercel accepts in vercel.json", len(rules), VercelRouteLimit),
		Hint: "the HTML stubs still work; prune redirects that are no longer needed"}}
}
