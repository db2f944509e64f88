package redirect

import (
	"fmt"
	"sort"
	"strings"
)

// resolveAll follows every remaining source to its final target, reporting
// loops, chains and missing targets, and returns the resolved set sorted by
// From.
func (rv *resolver) resolveAll() []Redirect {
	entries := make([]*entry, 0, len(rv.order))
	for _, e := range rv.order {
		if !e.dropped {
			entries = append(entries, e)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	loops := make(map[string]bool)
	out := make([]Redirect, 0, len(entries))
	for _, e := range entries {
		final, path, start := rv.follow(e)
		if start >= 0 {
			rv.reportLoop(e, path, start, loops)
			continue
		}
		if len(path) > 2 {
			rv.report(e.r, true, fmt.Sprintf("redirect chain %s: %s now points straight at %s",
				strings.Join(path, " → "), e.r.From, final),
				fmt.Sprintf("point %s at %s directly", e.r.From, final))
		}
		final, ok := rv.checkTarget(e.r, final, len(path) > 2)
		if !ok {
			continue
		}
		r := e.r
		r.To = final
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
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
		p, _ := splitTarget(to)
		k := sourceKey(p)
		next := rv.byKey[k]
		if next == nil || next.dropped {
			break
		}
		if i, ok := seen[k]; ok {
			return "", append(path, to), i
		}
		seen[k] = len(path)
		path = append(path, to)
		to = carryFragment(to, next.r.To)
	}
	return to, append(path, to), -1
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
		rv.report(e.r, false, fmt.Sprintf("redirect %s → %s ends in a redirect loop (%s)",
			e.r.From, e.r.To, strings.Join(cycle, " → ")),
			"point it at a real page")
		return
	}
	id := loopID(cycle)
	if done[id] {
		return
	}
	done[id] = true
	var decl []string
	for _, u := range cycle[:len(cycle)-1] {
		p, _ := splitTarget(u)
		if m := rv.byKey[sourceKey(p)]; m != nil {
			decl = append(decl, where(m.r))
		}
	}
	rv.report(e.r, false, fmt.Sprintf("redirect loop %s (declared at %s)",
		strings.Join(cycle, " → "), strings.Join(decl, ", ")),
		"point one of these at a real page")
}

// loopID names a loop by its sorted source keys, whatever member it was
// entered from.
func loopID(cycle []string) string {
	keys := make([]string, 0, len(cycle))
	for _, u := range cycle[:len(cycle)-1] {
		p, _ := splitTarget(u)
		keys = append(keys, sourceKey(p))
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
	if _, ok := rv.owner(p); ok {
		return final, true
	}
	if !strings.HasSuffix(p, "/") {
		if _, ok := rv.owner(p + "/"); ok {
			return p + "/" + rest, true
		}
	}
	msg := fmt.Sprintf("redirect target %s (from %s) does not exist", final, r.From)
	if chained {
		msg = fmt.Sprintf("redirect target %s (reached from %s through %s) does not exist", final, r.From, r.To)
	}
	rv.report(r, false, msg, "no page, version page or asset is served there; point it at an existing page")
	return "", false
}
