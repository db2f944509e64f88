package redirect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/clause-dev/clause/site/internal/diag"
)

// vercelFile is Vercel's project configuration file.
const vercelFile = "vercel.json"

// vercelRouteLimit is the most routes Vercel accepts from vercel.json.
const vercelRouteLimit = 1024

// vercelRedirect is one entry of vercel.json's "redirects" array.
type vercelRedirect struct {
	Source      string `json:"source"`
	Destination string `json:"destination"`
	Permanent   bool   `json:"permanent"`
}

// vercelHeaders is one entry of vercel.json's "headers" array: the
// response headers of the paths its source matches.
type vercelHeaders struct {
	Source  string        `json:"source"`
	Headers []vercelField `json:"headers"`
}

// vercelField is one response header of a vercelHeaders.
type vercelField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// vercelCORS returns the header rules that let other origins fetch the
// paths of opts.CORS, or nil.
func vercelCORS(opts Options) []vercelHeaders {
	var out []vercelHeaders
	for _, p := range opts.CORS {
		out = append(out, vercelHeaders{Source: vercelPattern.Replace(sourceURL(p, opts.BasePath)),
			Headers: []vercelField{{Key: "Access-Control-Allow-Origin", Value: "*"}}})
	}
	return out
}

// vercelPattern escapes the characters Vercel's path-to-regexp sources
// treat as syntax; the rest are already percent-encoded.
var vercelPattern = strings.NewReplacer("+", `\+`, ":", `\:`, "*", `\*`, "?", `\?`, "(", `\(`, ")", `\)`)

// renderVercel writes vercel.json with a permanent redirect for every
// spelling of every source, base path applied.
func renderVercel(items []item, opts Options, out *fileSet) []Error {
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
		Headers   []vercelHeaders  `json:"headers,omitempty"`
	}{rules, vercelCORS(opts)}); err != nil {
		return []Error{{Path: vercelFile, Msg: fmt.Sprintf("encoding %s: %v", vercelFile, err)}}
	}
	out.put(vercelFile, b.Bytes())
	if len(rules) <= vercelRouteLimit {
		return nil
	}
	return []Error{{Path: vercelFile, Severity: diag.Warning,
		Msg:  fmt.Sprintf("%d redirect rules exceed the %d routes Vercel accepts in vercel.json", len(rules), vercelRouteLimit),
		Hint: "the HTML stubs still work; prune redirects that are no longer needed"}}
}
