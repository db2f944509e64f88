package statichost

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"
)

// headersFile is the file of response headers Netlify and Cloudflare
// Pages read.
const headersFile = "_headers"

// headerRule is one block of a _headers file: a path, exact or ending in
// "*" (any rest), and the headers sent with the responses to it.
type headerRule struct {
	path    string
	headers http.Header
}

// parseHeaders reads a _headers file: a line that is not indented names a
// path, and the indented "Name: value" lines after it are its headers;
// lines starting with "#" are comments.
func parseHeaders(b []byte) []headerRule {
	var rules []headerRule
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			rules = append(rules, headerRule{path: trimmed, headers: http.Header{}})
		case len(rules) > 0:
			if name, value, ok := strings.Cut(trimmed, ":"); ok {
				rules[len(rules)-1].headers.Add(strings.TrimSpace(name), strings.TrimSpace(value))
			}
		}
	}
	return rules
}

// setHeaders adds the headers of every rule that matches the request
// path, as both hosts do.
func (h *staticHost) setHeaders(w http.ResponseWriter, r *http.Request) {
	for _, rule := range h.headers {
		p := r.URL.EscapedPath()
		prefix, splat := strings.CutSuffix(rule.path, "*")
		if p == rule.path || splat && strings.HasPrefix(p, prefix) {
			for name, values := range rule.headers {
				for _, v := range values {
					w.Header().Add(name, v)
				}
			}
		}
	}
}
