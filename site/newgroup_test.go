package site

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestNewPolicyUnknownGroup(t *testing.T) {
	t.Parallel()
	src := newSite(t, map[string]string{"clause.yaml": "title: T\ngroups:\n  - id: legal\n    title: Legal\n  - id: privacy\n    title: Privacy\n"})
	_, err := NewPolicy(NewPolicyOptions{Source: src, Slug: "cookies", Group: "legl"})
	var e *Error
	want := `clause.yaml:2: --group "legl" is not one of the groups in clause.yaml (legal, privacy); did you mean legal?` +
		"\n\thint: use one of those ids, or add the group to groups: in clause.yaml first"
	if !errors.As(err, &e) || e.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if _, err := os.Stat(filepath.Join(src, "content", "cookies.md")); err == nil {
		t.Error("the policy was written although its group is unknown")
	}
	_, err = NewPolicy(NewPolicyOptions{Source: src, Slug: "cookies", Group: "marketing"})
	if !errors.As(err, &e) || e.Msg != `--group "marketing" is not one of the groups in clause.yaml (legal, privacy)` {
		t.Errorf("no close id: %v", err)
	}
	if _, err := NewPolicy(NewPolicyOptions{Source: src, Slug: "cookies", Group: "privacy"}); err != nil {
		t.Errorf("a group clause.yaml defines: %v", err)
	}
	// Without groups in clause.yaml, any group is a group of its own, as
	// clause check accepts it.
	if _, err := NewPolicy(NewPolicyOptions{Source: newSite(t, map[string]string{"clause.yaml": "title: T\n"}), Slug: "cookies", Group: "anything"}); err != nil {
		t.Errorf("no groups in clause.yaml: %v", err)
	}
}
