package site

import (
	"fmt"
	"os"
	"strings"

	"github.com/clause-dev/clause/internal/suggest"
)

// checkNewGroup refuses a group for a new policy that clause.yaml does
// not define when it defines some, as clause check would warn about it:
// a typo in the id would make a group of its own on the home page.
func checkNewGroup(source, group string) error {
	if group == "" {
		return nil
	}
	cfg := loadConfig(os.DirFS(source), &ErrorList{})
	if len(cfg.Groups) == 0 {
		return nil
	}
	ids := make([]string, 0, len(cfg.Groups))
	for _, g := range cfg.Groups {
		if g.ID == group {
			return nil
		}
		ids = append(ids, g.ID)
	}
	e := &Error{Path: configFile, Line: cfg.lines["groups"],
		Msg:  fmt.Sprintf("--group %q is not one of the groups in clause.yaml (%s)", group, strings.Join(ids, ", ")),
		Hint: "use one of those ids, or add the group to groups: in clause.yaml first"}
	if s, ok := suggest.Closest(group, ids); ok {
		e.Msg += fmt.Sprintf("; did you mean %s?", s)
	}
	return e
}
