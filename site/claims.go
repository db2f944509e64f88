package site

import (
	"fmt"
	"path"
)

// claims records which input owns each output path, so that two inputs
// writing one file are reported naming both, and so that no input writes
// a file where another needs a folder (a page at /sitemap.xml/ against
// the generated sitemap.xml).
type claims struct {
	files      map[string]string // output path → owner
	dirs       map[string]string // folder → owner of the first file claimed under it
	folded     map[string]string // foldPath of a file's output path → that path
	foldedDirs map[string]string // foldPath of a folder → the first folder of that form
}

// newClaims returns an empty set of claims.
func newClaims() *claims {
	return &claims{files: map[string]string{}, dirs: map[string]string{},
		folded: map[string]string{}, foldedDirs: map[string]string{}}
}

// owner returns who claimed the output path out.
func (c *claims) owner(out string) (string, bool) {
	o, ok := c.files[out]
	return o, ok
}

// generatedOwner names the owner of a file the build makes itself.
func generatedOwner(out string) string { return "the generated " + out }

// homeOwner is the owner of the home page.
const homeOwner = "the home page"

// builtIn reports whether out is the home page or a file the build makes
// itself, such as sitemap.xml, rather than a page of some input.
func (c *claims) builtIn(out string) bool {
	o := c.files[out]
	return o == homeOwner || o == generatedOwner(out)
}

// reserve records owner for out without checking, for generated files.
func (c *claims) reserve(out, owner string) {
	c.files[out] = owner
	c.folded[foldPath(out)] = out
	c.addDirs(out, owner)
}

// claim records owner for out; it reports an error at owner's line when
// another input already owns out, when out is a folder of another
// input's file, or when a folder above out is another input's file, also
// when the paths differ only in letter case or Unicode normalisation.
func (c *claims) claim(out, owner string, line int, errs *ErrorList) bool {
	if msg, twin := c.check(out, owner); msg != "" {
		hint := c.hint(out)
		if twin {
			hint = "rename one of the files, or give one of them a permalink that differs in more than case"
		}
		errs.Add(&Error{Path: owner, Line: line, Msg: msg, Hint: hint})
		return false
	}
	c.reserve(out, owner)
	return true
}

// hint says how to settle a conflict over out: a file the build makes
// itself cannot move, so the other input has to go.
func (c *claims) hint(out string) string {
	if c.builtIn(out) {
		return "clause makes " + out + " itself; remove or rename your file, or add it to exclude: in clause.yaml"
	}
	return "give one of them a different permalink"
}

// conflict describes why owner cannot claim out, or returns "".
func (c *claims) conflict(out, owner string) string {
	msg, _ := c.check(out, owner)
	return msg
}

// check describes why owner cannot claim out, or returns ""; twin is
// true when the paths clash only on a case-insensitive,
// normalisation-insensitive file system (macOS, Windows), as foldPath
// says.
func (c *claims) check(out, owner string) (msg string, twin bool) {
	if prev, ok := c.files[out]; ok {
		return fmt.Sprintf("output %s is claimed by both %s and %s", out, prev, owner), false
	}
	folded := foldPath(out)
	if f, ok := c.folded[folded]; ok {
		return fmt.Sprintf("output %s of %s and output %s of %s differ only in letter case or Unicode normalisation, "+
			"so they are one file on macOS and Windows",
			f, c.files[f], out, owner), true
	}
	if prev, ok := c.dirs[out]; ok {
		return fmt.Sprintf("output %s would be a file for %s but is a folder for %s", out, owner, prev), false
	}
	if d, ok := c.foldedDirs[folded]; ok {
		return fmt.Sprintf("output %s of %s differs from folder %s of %s only in letter case or Unicode normalisation, "+
			"so macOS and Windows cannot have both", out, owner, d, c.dirs[d]), true
	}
	for d := path.Dir(out); d != "." && d != "/"; d = path.Dir(d) {
		if prev, ok := c.files[d]; ok {
			return fmt.Sprintf("output %s needs %s to be a folder, but it is a file for %s", out, d, prev), false
		}
		if f, ok := c.folded[foldPath(d)]; ok {
			return fmt.Sprintf("output %s needs folder %s, which differs from output %s of %s only in letter case or "+
				"Unicode normalisation, so macOS and Windows cannot have both", out, d, f, c.files[f]), true
		}
	}
	return "", false
}

// addDirs records the folders above out.
func (c *claims) addDirs(out, owner string) {
	for d := path.Dir(out); d != "." && d != "/"; d = path.Dir(d) {
		if _, ok := c.dirs[d]; ok {
			return
		}
		c.dirs[d] = owner
		if f := foldPath(d); c.foldedDirs[f] == "" {
			c.foldedDirs[f] = d
		}
	}
}
