package devserver

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// hostPolicy decides which Host headers the server answers. A web page
// can point a name it controls at 127.0.0.1 (DNS rebinding) and then read
// the preview, drafts and build problems included, as its own origin; its
// requests carry that name in the Host header, so only names that cannot
// be rebound are answered: localhost and its subdomains, IP addresses of
// loopback, the address the server is bound to (any IP address when it is
// bound to all of them), and the names the writer allowed.
type hostPolicy struct {
	bound    string   // the bind host, lower case; "" for loopback
	anyIP    bool     // bound to every address (0.0.0.0 or ::)
	exact    []string // allowed names
	suffixes []string // allowed ".example.com" forms: the name and its subdomains
}

// newHostPolicy returns the policy for a server listening on addr with
// the allowed hosts (already checked by CleanAllowedHost).
func newHostPolicy(addr string, allowed []string) *hostPolicy {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	p := &hostPolicy{bound: normalHost(host)}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		p.anyIP = true
	}
	for _, a := range allowed {
		if strings.HasPrefix(a, ".") {
			p.suffixes = append(p.suffixes, a)
		} else {
			p.exact = append(p.exact, a)
		}
	}
	return p
}

// allows reports whether a request with this Host header is answered.
func (p *hostPolicy) allows(hostport string) bool {
	host := normalHost(stripPort(hostport))
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host == p.bound {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback() || p.anyIP
	}
	for _, a := range p.exact {
		if host == a {
			return true
		}
	}
	for _, s := range p.suffixes {
		if host == s[1:] || strings.HasSuffix(host, s) {
			return true
		}
	}
	return false
}

// stripPort drops the port from a Host header, keeping an IPv6 address
// without its brackets.
func stripPort(hostport string) string {
	if strings.HasPrefix(hostport, "[") {
		if i := strings.Index(hostport, "]"); i > 0 {
			return hostport[1:i]
		}
		return ""
	}
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}

// normalHost lower-cases a host name and drops one trailing dot.
func normalHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// refuse answers a request for a host that is not allowed.
func refuseHost(w http.ResponseWriter, r *http.Request) {
	host := normalHost(stripPort(r.Host))
	msg := fmt.Sprintf("clause serve does not answer requests for the host %q, so that other web pages cannot read this preview.\n", host)
	if host != "" {
		msg += fmt.Sprintf("If you open the preview through a proxy or a Codespace under this name, restart clause serve with --allowed-host %s\n(or --allowed-host .%s for that name and its subdomains).", host, parentDomain(host))
	}
	http.Error(w, msg, http.StatusForbidden)
}

// parentDomain drops the first label of a name with three or more.
func parentDomain(host string) string {
	if i := strings.Index(host, "."); i > 0 && strings.Count(host, ".") >= 2 {
		return host[i+1:]
	}
	return host
}

// CleanAllowedHost checks one --allowed-host value and returns it lower
// case: a host name ("preview.example.com") or a name with a leading dot
// (".app.github.dev") that also allows its subdomains. Ports, schemes,
// paths and wildcards are refused.
func CleanAllowedHost(s string) (string, error) {
	h := normalHost(strings.TrimSpace(s))
	name := strings.TrimPrefix(h, ".")
	switch {
	case name == "":
		return "", fmt.Errorf("%q: want a host name such as preview.example.com, or .example.com for it and its subdomains", s)
	case strings.Contains(h, "://") || strings.ContainsAny(h, "/:*?#@[] \t"):
		return "", fmt.Errorf("%q: want a host name only, without scheme, port, path or wildcard (.example.com allows every subdomain)", s)
	case strings.HasPrefix(name, ".") || strings.Contains(name, ".."):
		return "", fmt.Errorf("%q: a host name has no empty labels", s)
	}
	return h, nil
}
