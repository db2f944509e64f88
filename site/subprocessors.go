package site

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/internal/suggest"
	"github.com/clause-dev/clause/site/internal/frontmatter"
)

// registerFile is the subprocessor register, in the source folder beside
// clause.yaml: a YAML list of the companies that process personal data
// for the site's owner, each with the dates it was added and removed.
const registerFile = "data/subprocessors.yaml"

// Subprocessor is one entry of the register.
type Subprocessor struct {
	Name     string   // the company
	Purpose  string   // what it does with the data
	Location string   // where it processes the data
	Data     []string // the categories of personal data it receives
	Since    Date     // the day it was added
	Until    Date     // the day it was removed, or zero while in use
	Line     int      // the line of its entry in registerFile
}

// InForce reports whether the entry is in the register on day d: since
// it was added and before it was removed.
func (s Subprocessor) InForce(d Date) bool {
	return !d.Before(s.Since) && (s.Until.IsZero() || d.Before(s.Until))
}

// Register is the subprocessor register as loaded: its entries in the
// order of the file. Found is false for a site without the file.
type Register struct {
	Found   bool
	Entries []Subprocessor
}

// found reports whether the site has a register.
func (reg *Register) found() bool { return reg != nil && reg.Found }

// subprocessorKeys are the keys of an entry, for the unknown-key warning.
var subprocessorKeys = []string{"name", "purpose", "location", "data", "since", "until"}

// loadRegister reads registerFile, if present, reporting every bad entry
// at its line. An entry that is not usable is left out.
func loadRegister(src fs.FS, errs *ErrorList) *Register {
	reg := &Register{}
	data, err := fs.ReadFile(src, registerFile)
	if errors.Is(err, fs.ErrNotExist) {
		return reg
	}
	reg.Found = true
	if err != nil {
		errs.Errorf(registerFile, 0, "cannot read: %v", err)
		return reg
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		fe := frontmatter.YAMLError(0, err)
		errs.Add(&Error{Path: registerFile, Line: fe.Line, Msg: strings.Replace(fe.Msg, "front matter", "in "+registerFile, 1)})
		return reg
	}
	if len(doc.Content) == 0 {
		return reg
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		errs.Add(&Error{Path: registerFile, Line: list.Line, Msg: "the subprocessor register must be a list of entries",
			Hint: "start each entry with \"- name: …\" (see Subprocessor register in the README)"})
		return reg
	}
	for _, item := range list.Content {
		if s, ok := readSubprocessor(item, errs); ok {
			reg.Entries = append(reg.Entries, s)
		}
	}
	reg.checkOverlaps(errs)
	return reg
}

// readSubprocessor reads one entry of the register.
func readSubprocessor(n *yaml.Node, errs *ErrorList) (Subprocessor, bool) {
	s := Subprocessor{Line: n.Line}
	if n.Kind != yaml.MappingNode {
		errs.Add(&Error{Path: registerFile, Line: n.Line, Col: n.Column, Msg: "an entry of the subprocessor register must be a mapping",
			Hint: "give name, purpose, location, data and since (and until once it is removed)"})
		return s, false
	}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !readSubprocessorField(&s, k, v, errs) {
			ok = false
		}
	}
	for _, key := range []string{"name", "purpose", "location"} {
		if s.field(key) == "" {
			errs.Add(&Error{Path: registerFile, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("subprocessor entry has no %s", key),
				Hint: "every entry needs name, purpose, location and since"})
			ok = false
		}
	}
	if s.Since.IsZero() {
		errs.Add(&Error{Path: registerFile, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("subprocessor %q has no since date", s.Name),
			Hint: "add since: YYYY-MM-DD, the day it started processing data"})
		ok = false
	}
	if !s.Until.IsZero() && !s.Since.IsZero() && !s.Since.Before(s.Until) {
		errs.Add(&Error{Path: registerFile, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("subprocessor %q: until %s is not after since %s", s.Name, s.Until.ISO(), s.Since.ISO()),
			Hint: "until is the first day it no longer processes data"})
		ok = false
	}
	return s, ok
}

// field returns a text field of the entry by its key.
func (s *Subprocessor) field(key string) string {
	switch key {
	case "name":
		return s.Name
	case "purpose":
		return s.Purpose
	}
	return s.Location
}

// readSubprocessorField reads one key of an entry; it reports whether
// the value could be read.
func readSubprocessorField(s *Subprocessor, k, v *yaml.Node, errs *ErrorList) bool {
	bad := func(want string) bool {
		errs.Add(&Error{Path: registerFile, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("%s must be %s", k.Value, want)})
		return false
	}
	switch k.Value {
	case "name", "purpose", "location":
		if v.Kind != yaml.ScalarNode {
			return bad("text")
		}
		text := strings.TrimSpace(v.Value)
		switch k.Value {
		case "name":
			s.Name = text
		case "purpose":
			s.Purpose = text
		default:
			s.Location = text
		}
	case "data":
		return readDataCategories(s, v, bad)
	case "since", "until":
		d, err := ParseDate(v.Value)
		if v.Kind != yaml.ScalarNode || err != nil {
			errs.Add(&Error{Path: registerFile, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("%s %q is not a date", k.Value, v.Value), Hint: "write dates as YYYY-MM-DD"})
			return false
		}
		if k.Value == "since" {
			s.Since = d
		} else {
			s.Until = d
		}
	default:
		e := &Error{Path: registerFile, Line: k.Line, Col: k.Column, Severity: SeverityWarning, Msg: fmt.Sprintf("unknown key %q is ignored", k.Value),
			Hint: "an entry has name, purpose, location, data, since and until"}
		if near, ok := suggest.Closest(k.Value, subprocessorKeys); ok {
			e.Msg += "; did you mean " + near + "?"
		}
		errs.Add(e)
	}
	return true
}

// readDataCategories reads data: one category or a list of them.
func readDataCategories(s *Subprocessor, v *yaml.Node, bad func(string) bool) bool {
	switch v.Kind {
	case yaml.ScalarNode:
		s.Data = []string{strings.TrimSpace(v.Value)}
	case yaml.SequenceNode:
		for _, c := range v.Content {
			if c.Kind != yaml.ScalarNode {
				return bad("a list of categories of personal data")
			}
			s.Data = append(s.Data, strings.TrimSpace(c.Value))
		}
	default:
		return bad("a list of categories of personal data")
	}
	return true
}

// checkOverlaps reports a company listed twice for the same days.
func (reg *Register) checkOverlaps(errs *ErrorList) {
	byName := map[string][]Subprocessor{}
	for _, s := range reg.Entries {
		for _, o := range byName[s.Name] {
			if o.InForce(s.Since) || s.InForce(o.Since) {
				errs.Add(&Error{Path: registerFile, Line: s.Line, Msg: fmt.Sprintf("subprocessor %q is listed twice for the same days (also on line %d)", s.Name, o.Line),
					Hint: "give the earlier entry an until date before the later one's since"})
			}
		}
		byName[s.Name] = append(byName[s.Name], s)
	}
}

// inForce returns the entries in the register on day d, in file order.
// A zero d stands for the register as it stands: every entry without an
// until date.
func (reg *Register) inForce(d Date) []Subprocessor {
	var out []Subprocessor
	for _, s := range reg.Entries {
		if d.IsZero() && s.Until.IsZero() || !d.IsZero() && s.InForce(d) {
			out = append(out, s)
		}
	}
	return out
}
