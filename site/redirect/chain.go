package redirect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/clause-dev/clause/site/internal/diag"
	"github.com/clause-dev/clause/site/internal/urlpath"
)

// resolveAll follows every remaining source to its final target, reporting
// loops, chains and missing targets, and returns the resolved set sorted by
// From. Sources without a #fragment go first, since the page a fragment's
// script runs on may be where such a source ends.
func (rv *resolver) resolveAll() []Redirect {
	var plain, frags []*entry
	for _, e := range rv.order {
		switch {
		case e.dropped:
		case e.r.Fragment() != "":
			frags = append(frags, e)
		default:
			plain = append(plain, e)
		}
	}
	byKey := func(es []*entry) {
		sort.Slice(es, func(i, j int) bool { return es[i].key < es[j].key })
	}
	byKey(plain)
	byKey(frags)
	loops := make(map[string]bool)
	finals := make(map[string]string, len(plain))
	out := make([]Redirect, 0, len(plain)+len(frags))
	for _, e := range plain {
		if r, ok := rv.resolveOne(e, loops); ok {
			finals[e.key] = r.To
			out = append(out, r)
		}
	}
	for _, e := range frags {
		page, ok := rv.hostPage(e.r, finals)
		if !ok {
			continue
		}
		if r, ok := rv.resolveOne(e, loops); ok {
			r.Page = page
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

// resolveOne follows e to its final target and checks it, reporting a
// loop, a chain or a missing target.
func (rv *resolver) resolveOne(e *entry, loops map[string]bool) (Redirect, bool) {
	final, path, start := rv.follow(e)
	if start >= 0 {
		rv.reportLoop(e, path, start, loops)
		return Redirect{}, false
	}
	if len(path) > 2 && !rv.ownRedirectTo(e.r, path[1]) {
		rv.report(e.r, diag.Warning, fmt.Sprintf("redirect chain %s: %s now points straight at %s",
			strings.Join(path, " → "), e.r.From, final),
			fmt.Sprintf("point %s at %s directly", e.r.From, final))
	}
	final, ok := rv.checkTarget(e.r, final, len(path) > 2)
	if !ok {
		return Redirect{}, false
	}
	r := e.r
	r.To = final
	return r, true
}

// ownRedirectTo reports whether hop, the first target of r, is a page with
// redirect_to declared in r's own file: the old URLs of such a page go
// where it goes, which is no chain its author could shorten.
func (rv *resolver) ownRedirectTo(r Redirect, hop string) bool {
	next := rv.byKey[rv.lookupKey(hop)]
	return next != nil && next.r.Origin == RedirectTo && next.r.File == r.File
}

// hostPage returns the page whose script sends r's #fragment on: the page
// at r's path, or where r's path redirects to. It returns "" when nothing
// is served there (a stub listing the moved sections will be), and false
// after reporting a path whose redirect loses the fragment.
func (rv *resolver) hostPage(r Redirect, finals map[string]string) (string, bool) {
	p, _, _ := strings.Cut(r.From, "#")
	if to, ok := finals[sourceKey(p)]; ok {
		if isExternal(to) || strings.Contains(to, "#") {
			rv.report(r, diag.Error, fmt.Sprintf("redirect source %s cannot work: %s redirects to %s, where no script of this site sees the #%s",
				r.From, p, to, r.Fragment()),
				fmt.Sprintf("declare the moved section on the page %s redirects to, or remove it", p))
			return "", false
		}
		to, _ = splitTarget(to)
		return urlpath.Decode(to), true
	}
	d := urlpath.Decode(p)
	candidates := []string{d}
	if !strings.HasSuffix(d, "/") && !urlpath.IsFile(d) {
		candidates = []string{d + "/", d} // the page's own URL, as the site names it
	}
	for _, c := range candidates {
		if _, ok := rv.owner(c); ok {
			return c, true
		}
	}
	return "", true
}

// follow walks from e through targets that are themselves sources. It
// returns the final target and the URLs visited (e's source first). When the
// walk runs into a loop, start is the index in path where the loop begins
// (0 when e is part of it); otherwise start is -1.
func (rv *resolver) follow(e *entry) (final string, path []string, start int) {
	path = []string{e.r.From}
	seen := map[string]int{e.key: 0}
	to := e.r.To
	for !isExternal(to) {
		k := rv.lookupKey(to)
		next := rv.byKey[k]
		if next == nil || next.dropped {
			break
		}
		if i, ok := seen[k]; ok {
			return "", append(path, to), i
		}
		seen[k] = len(path)
		path = append(path, to)
		if next.r.Fragment() != "" {
			to = next.r.To // the script replaces the fragment it matched
		} else {
			to = carryFragment(to, next.r.To)
		}
	}
	return to, append(path, to), -1
}

// lookupKey returns the key of the source an internal target reaches:
// the moved section its #fragment names, if one is declared, else its path.
func (rv *resolver) lookupKey(to string) string {
	p, rest := splitTarget(to)
	k := sourceKey(p)
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		fk := k + "#" + urlpath.Decode(rest[i+1:])
		if _, ok := rv.byKey[fk]; ok {
			return fk
		}
	}
	return k
}

// carryFragment returns next, keeping prev's #fragment when next has none,
// as browsers do across a redirect.
func carryFragment(prev, next string) string {
	if strings.Contains(next, "#") {
		return next
	}
	if i := strings.IndexByte(prev, '#'); i >= 0 {
		return next + prev[i:]
	}
	return next
}

// reportLoop reports a loop once, at its first member in source order, and
// reports every source that leads into it.
func (rv *resolver) reportLoop(e *entry, path []string, start int, done map[string]bool) {
	cycle := path[start:]
	if start > 0 {
		rv.report(e.r, diag.Error, fmt.Sprintf("redirect %s → %s ends in a redirect loop (%s)",
			e.r.From, e.r.To, strings.Join(cycle, " → ")),
			"point it at a real page")
		return
	}
	id := rv.loopID(cycle)
	if done[id] {
		return
	}
	done[id] = true
	var decl []string
	for _, u := range cycle[:len(cycle)-1] {
		if m := rv.byKey[rv.lookupKey(u)]; m != nil {
			decl = append(decl, where(m.r))
		}
	}
	rv.report(e.r, diag.Error, fmt.Sprintf("redirect loop %s (declared at %s)",
		strings.Join(cycle, " → "), strings.Join(decl, ", ")),
		"point one of these at a real page")
}

// loopID names a loop by its sorted source keys, whatever member it was
// entered from.
func (rv *resolver) loopID(cycle []string) string {
	keys := make([]string, 0, len(cycle))
	for _, u := range cycle[:len(cycle)-1] {
		keys = append(keys, rv.lookupKey(u))
	}
	sort.Strings(keys)
	return strings.Join(keys, "\x00")
}

// checkTarget confirms that an internal final target is served by the site,
// upgrading "/x" to "/x/" when only the folder form exists. It reports a
// missing target at r and returns ok false.
func (rv *resolver) checkTarget(r Redirect, final string, chained bool) (string, bool) {
	if isExternal(final) {
		return final, true
	}
	p, rest := splitTarget(final)
	if _, ok := rv.owner(urlpath.Decode(p)); ok {
		return final, true
	}
	if !strings.HasSuffix(p, "/") {
		if _, ok := rv.owner(urlpath.Decode(p) + "/"); ok {
			return p + "/" + rest, true
		}
	}
	msg := fmt.Sprintf("redirect target %s (from %s) does not exist", final, r.From)
	if chained {
		msg = fmt.Sprintf("redirect target %s (reached from %s through %s) does not exist", final, r.From, r.To)
	}
	rv.report(r, diag.Error, msg, "no page, version page or asset is served there; point it at an existing page")
	return "", false
}
