package redirect

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
)

// item is one redirect ready to be written: its normalised source key and
// its target as a visitor's browser needs it.
type item struct {
	r   Redirect
	key string // decoded, normalised source (see sourceKey)
	url string // target with the base path applied
}

// plan re-checks rs, drops anything unsafe to write, merges sources that
// differ only by a trailing slash or "index.html", and sorts the rest by
// source. Sources with a #fragment are left out of items: those that no
// page serves are returned as moved, and the others are the page's script's.
func plan(rs []Redirect, opts Options) (items, moved []item, errs []Error) {
	if err := checkBasePath(opts.BasePath); err != nil {
		return nil, nil, []Error{*err}
	}
	seen := make(map[string]Redirect, len(rs))
	items = make([]item, 0, len(rs))
	for _, r := range rs {
		if err := checkPair(r); err != nil {
			errs = append(errs, *err)
			continue
		}
		k := entryKey(r.From)
		if first, dup := seen[k]; dup {
			if targetKey(first.To) != targetKey(r.To) {
				errs = append(errs, duplicateError(first, r))
			}
			continue
		}
		seen[k] = r
		it := item{r: r, key: k, url: targetURL(r.To, opts.BasePath)}
		switch {
		case r.Fragment() == "":
			items = append(items, it)
		case r.Page == "":
			moved = append(moved, it)
		}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].key < items[j].key })
	sort.Slice(moved, func(i, j int) bool { return moved[i].key < moved[j].key })
	return items, moved, errs
}

// checkPair validates both ends of r and returns the first problem, located
// at r's declaration.
func checkPair(r Redirect) *Error {
	err := validateSource(r.From, r.Origin == Automatic || r.Origin == RedirectTo)
	if err == nil {
		err = validateTarget(r.To)
	}
	if err == nil {
		return nil
	}
	e := asError(err)
	e.Path, e.Line = r.File, r.Line
	return e
}

// checkBasePath reports a base path that cannot be prefixed to URL paths.
func checkBasePath(base string) *Error {
	if base == "" {
		return nil
	}
	if strings.HasSuffix(base, "/") || validatePath(base, false) != nil {
		return &Error{
			Msg:  fmt.Sprintf("base path %q is not a clean URL path", base),
			Hint: `use "" or a path such as "/policies" without a trailing slash`,
		}
	}
	return nil
}

// sourceKey normalises a source path so that "/a", "/a/" and
// "/a/index.html" (and their percent-encoded spellings) compare equal.
func sourceKey(p string) string { return urlpath.Key(urlpath.Decode(p)) }

// entryKey is the key of a declared source: its sourceKey, followed by
// "#" and the decoded fragment for a source with a #fragment.
func entryKey(from string) string {
	p, frag, ok := strings.Cut(from, "#")
	if !ok {
		return sourceKey(from)
	}
	return sourceKey(p) + "#" + urlpath.Decode(frag)
}

// targetKey normalises a target for comparison: internal paths like
// sourceKey, with any query or fragment kept; external URLs unchanged.
func targetKey(to string) string {
	if isExternal(to) {
		return to
	}
	p, rest := splitTarget(to)
	return sourceKey(p) + rest
}

// StubFile returns the output-relative file that a stub for the source
// from is written to: for "/a/b" or "/a/b/#x", "a/b/index.html".
func StubFile(from string) string {
	p, _, _ := strings.Cut(from, "#")
	return stubPath(sourceKey(p))
}

// stubPath returns the output-relative file that serves the stub for key.
func stubPath(key string) string { return urlpath.File(urlpath.Folder(key)) }

// variants returns the URL paths that must redirect for key: both slash
// forms of a folder-style source, or the file itself.
func variants(key string) []string {
	if key == "/" || urlpath.IsFile(key) {
		return []string{key}
	}
	return []string{key, key + "/"}
}

// ruleSources returns the decoded URL paths that rule files redirect for
// it: the variants of its source, plus the "/x/index.html" spelling when it
// was declared that way.
func ruleSources(it item) []string {
	vs := variants(it.key)
	if d := sourceKey(it.r.From); strings.HasSuffix(it.r.From, "/index.html") {
		vs = append(vs, strings.TrimSuffix(d, "/")+"/index.html")
	}
	return vs
}

// splitTarget splits an internal target into its path and the query and
// fragment that follow it.
func splitTarget(to string) (p, rest string) {
	if i := strings.IndexAny(to, "?#"); i >= 0 {
		return to[:i], to[i:]
	}
	return to, ""
}

// isExternal reports whether to is an absolute URL with a scheme.
func isExternal(to string) bool {
	return urlpath.Scheme(to) != ""
}

// unsafeURLChars are percent-encoded in every URL written, so values never
// break out of quotes or markup in any output format.
var unsafeURLChars = strings.NewReplacer(
	`"`, "%22", "'", "%27", "<", "%3C", ">", "%3E", "`", "%60",
)

// targetURL returns the target as a browser needs it: external URLs as
// they are, internal paths percent-encoded and prefixed with base.
func targetURL(to, base string) string {
	if isExternal(to) {
		return unsafeURLChars.Replace(to)
	}
	p, rest := splitTarget(to)
	d, err := url.PathUnescape(p)
	if err != nil {
		d = p
	}
	enc := (&url.URL{Path: d, RawPath: p}).EscapedPath()
	return unsafeURLChars.Replace(base + enc + rest)
}

// sourceURL returns a decoded source path as a browser requests it, with
// the base path applied.
func sourceURL(p, base string) string {
	return base + urlpath.Escape(p)
}

// siteOrigin returns "scheme://host" of an absolute base URL, or "".
func siteOrigin(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// duplicateError reports that second claims the source first already holds
// with a different target.
func duplicateError(first, second Redirect) Error {
	return Error{Path: second.File, Line: second.Line,
		Msg: fmt.Sprintf("redirect source %s is claimed twice: %s → %s (%s) and %s → %s (%s)",
			second.From, first.From, first.To, where(first), second.From, second.To, where(second)),
		Hint: "keep only one of them"}
}
