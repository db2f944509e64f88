package redirect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/diag"
	"github.com/clause-dev/clause/site/internal/urlpath"
)

// Resolve validates a set of redirects against the site's real outputs and
// returns them resolved, sorted by From, plus every problem found (all of
// them, not just the first; warnings included). owner(path) reports
// whether a site-relative URL path is served by a real page, version page
// or asset, and names the file behind it (or "") so that messages about
// collisions name the page's file; the caller answers for both the "/x/"
// and "/x/index.html" forms. A page that only carries redirect_to must not
// be reported as existing.
//
// Sources that differ only by a trailing slash or "index.html" count as one
// source; the resolved set keeps one entry per source (the trailing-slash
// spelling when one was given) and Files writes every spelling. Chains are
// flattened so that each source points straight at its final target.
func Resolve(rs []Redirect, owner func(urlPath string) (file string, ok bool)) ([]Redirect, []Error) {
	if owner == nil {
		owner = func(string) (string, bool) { return "", false }
	}
	rv := &resolver{owner: owner, byKey: make(map[string]*entry, len(rs))}
	for _, r := range rs {
		rv.add(r)
	}
	rv.dropCollisions()
	out := rv.resolveAll()
	sort.SliceStable(rv.errs, func(i, j int) bool {
		a, b := rv.errs[i], rv.errs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	return out, rv.errs
}

// entry is one distinct source while resolving.
type entry struct {
	r       Redirect
	key     string
	dropped bool
}

// resolver holds the state of one Resolve call.
type resolver struct {
	owner func(string) (string, bool)
	byKey map[string]*entry
	order []*entry
	errs  []Error
}

// report records a problem located at r's declaration.
func (rv *resolver) report(r Redirect, severity diag.Severity, msg, hint string) {
	rv.errs = append(rv.errs, Error{Path: r.File, Line: r.Line, Msg: msg, Hint: hint, Severity: severity})
}

// add validates r and merges it into the set of distinct sources.
func (rv *resolver) add(r Redirect) {
	if e := checkPair(r); e != nil {
		rv.errs = append(rv.errs, *e)
		return
	}
	if isExternal(r.To) && r.Origin != RedirectTo && r.Origin != Config {
		rv.report(r, diag.Error, fmt.Sprintf("%s %s points at another site (%s)", r.Origin, r.From, r.To),
			"only redirect_to and the redirects: map in clause.yaml may leave the site")
		return
	}
	k := entryKey(r.From)
	if old, ok := rv.byKey[k]; ok {
		rv.merge(old, r)
		return
	}
	e := &entry{r: r, key: k}
	rv.byKey[k] = e
	rv.order = append(rv.order, e)
}

// merge handles a second claim r on the source already held by old.
func (rv *resolver) merge(old *entry, r Redirect) {
	same := targetKey(old.r.To) == targetKey(r.To)
	oldAuto, newAuto := old.r.Origin == Automatic, r.Origin == Automatic
	switch {
	case same && (old.r.File == r.File || oldAuto || newAuto):
		if oldAuto && !newAuto {
			r.From = preferredFrom(old.r.From, r.From)
			old.r = r
			return
		}
		old.r.From = preferredFrom(old.r.From, r.From)
	case oldAuto && !newAuto:
		rv.report(old.r, diag.Warning, fmt.Sprintf("automatic redirect %s → %s is overridden by %s → %s (%s)",
			old.r.From, old.r.To, r.From, r.To, where(r)), "")
		old.r = r
	case newAuto && !oldAuto:
		rv.report(r, diag.Warning, fmt.Sprintf("automatic redirect %s → %s is overridden by %s → %s (%s)",
			r.From, r.To, old.r.From, old.r.To, where(old.r)), "")
	default:
		rv.errs = append(rv.errs, duplicateError(old.r, r))
	}
}

// preferredFrom picks the spelling kept for a merged source: the one with a
// trailing slash if either has it, else the first.
func preferredFrom(first, second string) string {
	if !strings.HasSuffix(first, "/") && strings.HasSuffix(second, "/") {
		return second
	}
	return first
}

// where formats r's declaration as "file:line".
func where(r Redirect) string {
	f := r.File
	if f == "" {
		f = "(unknown file)"
	}
	if r.Line > 0 {
		return fmt.Sprintf("%s:%d", f, r.Line)
	}
	return f
}

// dropCollisions removes sources that a real page, version page or asset
// already serves, under any spelling or where the stub would be written.
func (rv *resolver) dropCollisions() {
	for _, e := range rv.order {
		if e.r.Fragment() != "" {
			continue // the page at its path is expected; see hostPage
		}
		file, hit := rv.owner(urlpath.Decode(e.r.From))
		for _, p := range append(variants(e.key), urlpath.Folder(e.key)) {
			if hit {
				break
			}
			file, hit = rv.owner(p)
		}
		if hit {
			e.dropped = true
			rv.reportCollision(e.r, file)
		}
	}
}

// reportCollision explains that r's source is also served by a real file.
func (rv *resolver) reportCollision(r Redirect, file string) {
	what := "a page, version page or asset"
	if file != "" {
		what = "a page (" + file + ")"
	}
	switch r.Origin {
	case Automatic:
		rv.report(r, diag.Warning, fmt.Sprintf("old URL %s is now %s, so no redirect is written for it", r.From, what), "")
	case Config:
		rv.report(r, diag.Error, fmt.Sprintf("redirect source %s is also %s", r.From, what),
			"remove it from redirects: in clause.yaml")
	case RedirectTo:
		rv.report(r, diag.Error, fmt.Sprintf("redirect_to page %s is also %s", r.From, what),
			"give one of the two pages another URL")
	default:
		rv.report(r, diag.Error, fmt.Sprintf("redirect source %s is also %s", r.From, what),
			"remove it from redirect_from (or aliases)")
	}
}
