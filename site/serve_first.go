package site

import (
	"bytes"
	"context"
	"maps"
	"sort"
	"sync"

	"github.com/clause-dev/clause/site/internal/memo"
)

// firstPass asks a dev server build to render the pages that browsers
// show before the rest (issue 15): the build renders the units that make
// those pages, hands their files with the assets and copied files to
// publish, and only then renders the rest of the site. It is used only
// when the build has no error by then, so that publish shows no page of
// a build already known to fail (when the rest finds an error, the dev
// server goes back to the last good site); a build that has errors
// before rendering hands them to fail instead.
type firstPass struct {
	pages []string // output paths that browsers show, e.g. policies/privacy/index.html
	// publish serves the first files and tells the browsers showing
	// pages; it returns once they were told. changed lists the paths of
	// files that differ from the last good build's.
	publish func(ctx context.Context, files map[string][]byte, pages, changed []string)
	// more serves more files of the build once publish has served the
	// first ones: every file written so far (see onDemand). Nil renders
	// nothing on demand.
	more func(files map[string][]byte)
	// yield is called before each unit of the rest of the build; it
	// waits while the dev server answers requests.
	yield func(ctx context.Context)
	// fail shows the errors that loading and assembling found at once,
	// since the build will fail; rendering goes on to find the rest.
	fail func(errs []*Error)
	// rendering, when set, is called as a request begins to render a unit,
	// and waiting as a render worker begins to wait for a unit a request
	// is rendering (tests hold them there).
	rendering, waiting func(unit string)

	failed    bool              // fail was called: the build already showed its errors
	published bool              // publish was called
	last      map[string][]byte // the last good build's files, which the first ones are compared with
	compared  map[string]bool   // the first files' paths, each true when it differs from last (see changedSince)

	mu sync.Mutex
	od *onDemand // set once the first pass published; see openDemand
}

// failEarly shows the errors found so far when there are any, once; it
// does nothing for a nil first pass or one without fail.
func (fp *firstPass) failEarly(errs *ErrorList) {
	if fp == nil || fp.fail == nil || fp.failed || errs.ErrorCount() == 0 {
		return
	}
	fp.failed = true
	fp.fail(errs.Errors())
}

// unitsOf names the units that make the output paths pages: "site" for
// the pages made from the whole site, "policy:<id>" for a policy's
// pages. A page that no input claims (one being deleted, a redirect
// stub) has no unit; its browsers reload when the whole build is done.
func (m *model) unitsOf(pages []string) map[string]bool {
	owners := map[string]bool{}
	units := map[string]bool{}
	for _, p := range pages {
		owner, ok := m.claims.owner(p)
		switch {
		case !ok:
		case m.claims.builtIn(p):
			units["site"] = true
		default:
			owners[owner] = true
		}
	}
	for _, p := range m.policies {
		if ownsAny(p, owners) {
			units["policy:"+p.Policy.ID] = true
		}
	}
	return units
}

// ownsAny reports whether the file of p or of one of its versions is
// among owners.
func ownsAny(p *Page, owners map[string]bool) bool {
	if owners[p.src.Path] {
		return true
	}
	for _, v := range p.Policy.Versions {
		if v.src != nil && owners[v.src.Path] {
			return true
		}
	}
	return false
}

// renderFirst renders the units of fp, with the assets, through rec, a
// recorder that also holds the copied files written before it, and
// publishes what rec holds when the build is still clean. The units it
// rendered are left out of renderAll (see first).
func (r *renderer) renderFirst(fp *firstPass, rec *recorder) {
	units := r.m.unitsOf(fp.pages)
	r.first = units
	r.m.assets.write(r.out, r.errs)
	for i, p := range r.m.policies {
		if units["policy:"+p.Policy.ID] && r.ctx.Err() == nil {
			r.renderPolicyUnit(i, p)
		}
	}
	if units["site"] && r.ctx.Err() == nil {
		r.renderSiteUnit()
	}
	if r.ctx.Err() != nil || r.errs.ErrorCount() > 0 {
		return
	}
	var shown []string
	for _, p := range fp.pages {
		if _, ok := rec.files[p]; ok {
			shown = append(shown, p)
		}
	}
	if len(shown) > 0 {
		files := maps.Clone(rec.files)
		fp.published = true
		fp.publish(r.ctx, files, shown, fp.changedSince(files))
	}
}

// renderPolicyUnit renders the pages of p, the i-th policy, or replays
// them from the memo, and keeps the records of its versions.
func (r *renderer) renderPolicyUnit(i int, p *Page) {
	defer recoverPanic(r.errs, p.src.Path, nil)
	var made []versionRecord
	r.cached("policy:"+p.Policy.ID, func() memo.Key { return r.m.policyKey(p) }, func(out output) { made = r.renderPolicy(out, p) })
	r.records[i] = r.policyRecords(p, made)
}

// renderSiteUnit renders the pages made from the whole site, or replays
// them from the memo.
func (r *renderer) renderSiteUnit() {
	r.cached("site", r.m.siteKey, func(out output) {
		for _, l := range r.m.langs {
			r.renderHome(out, l)
			r.renderChangelog(out, l)
			r.writeChangelogFeed(out, l)
		}
		r.writeRootRedirect(out)
		r.render404(out)
		r.writeRegisterFeed(out)
		r.writeSitemap(out)
		r.writeRobots(out)
		r.writeHostHeaders(out)
	})
}

// changedSince returns the paths of the first files that differ from the
// last good build's, and remembers that they were compared, so that the
// session's diff of the whole build does not compare them again
// (diffFiles): a build writes each file once.
func (fp *firstPass) changedSince(files map[string][]byte) []string {
	var changed []string
	fp.compared = make(map[string]bool, len(files))
	for p, data := range files {
		prev, ok := fp.last[p]
		differs := !ok || !bytes.Equal(prev, data)
		fp.compared[p] = differs
		if differs {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
}
