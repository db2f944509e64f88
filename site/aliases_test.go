package site

import (
	"encoding/json"
	"testing"
)

func TestHugoAlias(t *testing.T) {
	t.Parallel()
	tests := []struct{ alias, at, want string }{
		{"/abs/", "/legal/terms/", "/abs/"},
		{"legacy-terms", "/legal/terms/", "/legal/legacy-terms"},
		{"legacy/", "/legal/terms/", "/legal/legacy/"},
		{"../old/", "/legal/terms/", "/old/"},
		{"old", "/terms/", "/old"},
		{"old.html", "/privacy.html", "/old.html"},
		{"../../../etc/", "/terms/", "/etc/"},
		{"https://x.test/", "/terms/", "https://x.test/"},
	}
	for _, tt := range tests {
		if got := hugoAlias(tt.alias, tt.at); got != tt.want {
			t.Errorf("hugoAlias(%q, %q) = %q, want %q", tt.alias, tt.at, got, tt.want)
		}
	}
}

// TestRelativeAliases builds a Hugo page whose aliases are relative, as
// Hugo allows, and checks where the redirects come from.
func TestRelativeAliases(t *testing.T) {
	t.Parallel()
	tree, _ := mustBuild(t, map[string]string{
		"clause.yaml":            "title: T\n",
		"content/legal/terms.md": "+++\ntitle = \"Terms\"\naliases = [\"legacy-terms\", \"/tos/\"]\n+++\n\n## Use\n\nBe kind.\n",
	}, nil)
	var m map[string]string
	if err := json.Unmarshal(tree["redirects.json"], &m); err != nil {
		t.Fatal(err)
	}
	if m["/legal/legacy-terms"] != "/legal/terms/" || m["/tos/"] != "/legal/terms/" {
		t.Errorf("redirects.json = %v", m)
	}
	if _, ok := tree["legal/legacy-terms/index.html"]; !ok {
		t.Error("no stub at legal/legacy-terms/index.html")
	}
}
