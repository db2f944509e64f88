package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// HistoryOptions sizes a generated git history.
type HistoryOptions struct {
	Policies int // policy files
	Commits  int // commits in all; the first adds every policy
}

// historyStart is the time of the first generated commit.
var historyStart = time.Date(2022, 1, 3, 9, 0, 0, 0, time.UTC)

// GitHistory returns a `git fast-import` stream of branch main, shaped
// like the history of a real policy repository. Policies of about 15 KB
// start at the repository root as a Jekyll site; a quarter of the way in,
// one migration commit moves every file into content/ and adds
// clause.yaml. Two policies in three declare no date. Commits come about
// four a day, mostly editing a few words of one or two policies (every
// eighth edit of a dated policy moves its effective date to the commit's
// day); every 97th commit only changes white space, and every 500th
// changes the front matter of every policy at once, as adding a layout
// key does. The same options always give the same bytes.
func GitHistory(o HistoryOptions) []byte {
	g := &history{rng: rand.New(rand.NewPCG(uint64(o.Policies), uint64(o.Commits))), migrate: max(o.Commits/4, 1)}
	for i := range o.Policies {
		g.policies = append(g.policies, newHistoryPolicy(i, o.Policies))
	}
	for k := range o.Commits {
		g.commit(k)
	}
	return g.buf.Bytes()
}

// history is the state of a generated repository.
type history struct {
	buf      bytes.Buffer
	rng      *rand.Rand
	policies []*historyPolicy
	migrate  int // the commit that moves the policies into content/
	moved    bool
	bulk     int // bulk front-matter commits so far
}

// historyPolicy is one generated policy as it stands.
type historyPolicy struct {
	slug      string
	dated     bool
	effective string
	edits     int
	blocks    []string
	trailing  string // white space appended by white-space commits
	rng       *rand.Rand
}

func newHistoryPolicy(i, n int) *historyPolicy {
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	p := &historyPolicy{slug: fmt.Sprintf("policy-%04d", i), dated: i%3 == 0, effective: "2022-01-03", rng: rng}
	p.blocks = append(p.blocks, para(rng, 60)+"\n\n")
	for s := 1; s <= 8; s++ {
		p.blocks = append(p.blocks, fmt.Sprintf("## Section %d: %s\n\n", s, title(rng)),
			para(rng, 70)+"\n\n", para(rng, 70)+"\n\n", list(rng))
		if s == 4 {
			p.blocks = append(p.blocks, fmt.Sprintf("See also [the next policy](policy-%04d.md).\n\n", (i+1)%n))
		}
	}
	return p
}

// text returns the file as it stands, with bulk front-matter keys.
func (p *historyPolicy) text(bulk int) string {
	fm := fmt.Sprintf("---\ntitle: Policy %s\n", p.slug)
	if p.dated {
		fm += "effective: " + p.effective + "\n"
	}
	if bulk > 0 {
		fm += fmt.Sprintf("layout: policy\nfront_matter_revision: %d\n", bulk)
	}
	return fm + "---\n" + strings.Join(p.blocks, "") + p.trailing
}

// path is the file's path before or after the migration commit.
func (g *history) path(p *historyPolicy) string {
	if g.moved {
		return "content/" + p.slug + ".md"
	}
	return p.slug + ".md"
}

// commit writes commit k.
func (g *history) commit(k int) {
	when := historyStart.Add(time.Duration(k)*6*time.Hour + time.Duration(g.rng.IntN(120))*time.Minute)
	day := when.Format("2006-01-02")
	var msg string
	var touched []*historyPolicy
	var ops bytes.Buffer
	switch {
	case k == 0:
		msg, touched = "Import the policies", g.policies
		writeFile(&ops, "_config.yml", "title: Generated Jekyll site\n")
	case k == g.migrate:
		msg = "Move the policies into content/ for clause"
		for _, p := range g.policies {
			fmt.Fprintf(&ops, "R %s content/%s.md\n", g.path(p), p.slug)
		}
		g.moved = true
		writeFile(&ops, "clause.yaml", "title: Generated Privacy Center\n")
	case k%500 == 0:
		g.bulk++
		msg, touched = "Add a layout to every policy", g.policies
	case k%97 == 0:
		p := g.policies[g.rng.IntN(len(g.policies))]
		p.trailing += "  \n\n"
		msg, touched = "Trim white space in "+p.slug, []*historyPolicy{p}
	default:
		for range 1 + g.rng.IntN(2) {
			p := g.policies[g.rng.IntN(len(g.policies))]
			p.edit(day)
			touched = append(touched, p)
		}
		msg = "Edit " + touched[0].slug
	}
	fmt.Fprintf(&g.buf, "commit refs/heads/main\ncommitter Policy Team <policies@example.com> %d +0000\n", when.Unix())
	fmt.Fprintf(&g.buf, "data %d\n%s\n", len(msg), msg)
	g.buf.Write(ops.Bytes())
	for _, p := range touched {
		writeFile(&g.buf, g.path(p), p.text(g.bulk))
	}
	g.buf.WriteByte('\n')
}

// edit changes a few words; every eighth edit of a dated policy makes it
// take effect on day.
func (p *historyPolicy) edit(day string) {
	mutate(p.rng, p.blocks)
	p.edits++
	if p.dated && p.edits%8 == 0 {
		p.effective = day
	}
}

// writeFile writes a fast-import file modification with inline data.
func writeFile(buf *bytes.Buffer, name, data string) {
	fmt.Fprintf(buf, "M 100644 inline %s\ndata %d\n%s\n", name, len(data), data)
}
