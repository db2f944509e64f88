package redirect

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// validateSource checks one source path as a site's author writes it. It
// must start with "/" and may not contain "." or ".." segments, a scheme,
// a host ("//x"), a query "?", a backslash, whitespace, control characters,
// or the ":" and "*" that Netlify-style rule files read as placeholders. Its
// decoded form must also be usable as a file name on every common system.
// It may end in a "#fragment" (a section that moved to a page of its own),
// which must not be empty. The returned error is an Error with Msg and Hint
// set and no location. With derived it also allows the percent-encoded
// spaces of a source that clause derived from a file name.
func validateSource(from string, derived bool) error {
	p, frag, hasFrag := strings.Cut(from, "#")
	if err := validatePath(p, derived); err != nil {
		return err
	}
	if hasFrag {
		return checkFragment(from, frag)
	}
	return nil
}

// validatePath checks a source path without a fragment; see validateSource.
func validatePath(from string, derived bool) error {
	const what = "redirect source"
	switch {
	case from == "":
		return &Error{Msg: "redirect source is empty", Hint: "write the old URL path, e.g. /old-page/"}
	case urlpath.Scheme(from) != "":
		return &Error{Msg: fmt.Sprintf("redirect source %q is a full URL", from),
			Hint: "write only the path on this site, e.g. /old-page/"}
	case !strings.HasPrefix(from, "/"):
		return &Error{Msg: fmt.Sprintf("redirect source %q must start with \"/\"", from),
			Hint: "write it as /" + from}
	case strings.HasPrefix(from, "//"):
		return &Error{Msg: fmt.Sprintf("redirect source %q names a host", from),
			Hint: "write only the path on this site, e.g. /old-page/"}
	}
	if err := urlpath.CheckChars(what, from, false); err != nil {
		return err
	}
	if err := checkSourceSyntax(from); err != nil {
		return err
	}
	d, err := url.PathUnescape(from)
	if err != nil {
		return &Error{Msg: fmt.Sprintf("redirect source %q has invalid percent-encoding", from),
			Hint: "write % as %25"}
	}
	if err := checkDecodedSource(from, d, derived); err != nil {
		return err
	}
	if err := urlpath.CheckLength(what, d); err != nil {
		return &Error{Msg: err.Error(), Hint: "a redirect source is written as a file: shorten the path"}
	}
	return urlpath.CheckSegments(what, from, d, false)
}

// checkFragment checks the #fragment of a source: one id, written as it
// appears after "#" in a link.
func checkFragment(from, frag string) error {
	switch {
	case frag == "":
		return &Error{Msg: fmt.Sprintf("redirect source %q has an empty #fragment", from),
			Hint: "name the section that moved, e.g. /guidelines#impersonation, or drop the #"}
	case strings.Contains(frag, "#"):
		return &Error{Msg: fmt.Sprintf("redirect source %q has more than one #", from),
			Hint: "write one path and one #fragment"}
	}
	d, err := url.PathUnescape(frag)
	if err != nil {
		return &Error{Msg: fmt.Sprintf("redirect source %q has invalid percent-encoding in its #fragment", from),
			Hint: "write % as %25"}
	}
	return urlpath.CheckChars("redirect source", d, false)
}

// checkSourceSyntax rejects query strings, fragments (split off before
// a source's path gets here) and the characters that rule files would
// read as patterns.
func checkSourceSyntax(from string) error {
	switch {
	case strings.Contains(from, "?"):
		return &Error{Msg: fmt.Sprintf("redirect source %q has a query string", from),
			Hint: "static hosts ignore queries when matching; redirect the path alone"}
	case strings.Contains(from, "#"): // only a base path reaches here with one
		return &Error{Msg: fmt.Sprintf("path %q has a #fragment", from),
			Hint: "write the path alone"}
	case strings.ContainsAny(from, ":*"):
		return &Error{Msg: fmt.Sprintf("redirect source %q contains \":\" or \"*\"", from),
			Hint: "Netlify and Cloudflare Pages read these as placeholders and wildcards; remove them"}
	}
	return nil
}

// checkDecodedSource checks the decoded source, which becomes a file name.
// A derived source may hold spaces, as the file names it came from do.
func checkDecodedSource(from, decoded string, derived bool) error {
	if strings.Contains(strings.ToLower(from), "%2f") {
		return &Error{Msg: fmt.Sprintf("redirect source %q encodes a slash as %%2F", from),
			Hint: "use a plain /"}
	}
	check := decoded
	if derived {
		check = strings.ReplaceAll(decoded, " ", "")
	}
	if err := urlpath.CheckChars("redirect source", check, false); err != nil {
		return err
	}
	if strings.ContainsAny(decoded, `"*:<>?|`) {
		return &Error{Msg: fmt.Sprintf("redirect source %q decodes to a character that is not allowed in file names (one of \" * : < > ? |)", from),
			Hint: "remove the character from the path"}
	}
	return nil
}

// validateTarget checks a target. Internal targets are site paths starting
// with "/", optionally followed by a query and fragment; external targets
// must be absolute http or https URLs with a host. The returned error is an
// Error with Msg and Hint set and no location.
func validateTarget(to string) error {
	const what = "redirect target"
	if to == "" {
		return &Error{Msg: "redirect target is empty", Hint: "point it at a page, e.g. /privacy/"}
	}
	if err := urlpath.CheckChars(what, to, false); err != nil {
		return err
	}
	if s := urlpath.Scheme(to); s != "" {
		return checkExternal(to, s)
	}
	switch {
	case strings.HasPrefix(to, "//"):
		return &Error{Msg: fmt.Sprintf("redirect target %q has no scheme", to),
			Hint: "write https:" + to + " for another site, or a path starting with a single /"}
	case !strings.HasPrefix(to, "/"):
		return &Error{Msg: fmt.Sprintf("redirect target %q must start with \"/\" or be an http(s) URL", to),
			Hint: "write it as /" + to}
	}
	p, _ := splitTarget(to)
	d, err := url.PathUnescape(p)
	if err != nil {
		return &Error{Msg: fmt.Sprintf("redirect target %q has invalid percent-encoding", to),
			Hint: "write % as %25"}
	}
	if _, err := url.Parse(to); err != nil {
		return &Error{Msg: fmt.Sprintf("redirect target %q is not a valid URL path", to)}
	}
	return urlpath.CheckSegments(what, to, d, true)
}

// checkExternal checks an absolute target whose scheme is s.
func checkExternal(to, s string) error {
	if s != "http" && s != "https" {
		return &Error{Msg: fmt.Sprintf("redirect target %q uses the %s: scheme", to, s),
			Hint: "only http and https links may leave the site"}
	}
	u, err := url.Parse(to)
	if err != nil || u.Host == "" {
		return &Error{Msg: fmt.Sprintf("redirect target %q is not a valid URL", to),
			Hint: "write a full address such as https://example.com/page/"}
	}
	return nil
}

// asError converts err to an Error, keeping Msg and Hint when err is one.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		return &c
	}
	return &Error{Msg: err.Error()}
}
