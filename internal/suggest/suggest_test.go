package suggest

import "testing"

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"title", "title", 0},
		{"titel", "title", 1},            // a swap of neighbours
		{"buidl", "build", 1},            // a swap
		{"destinaton", "destination", 1}, // an insertion
		{"sumary", "summary", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3},        // optimal string alignment does not edit a swapped pair again
		{"grüppe", "gruppe", 1}, // runes, not bytes
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	commands := []string{"build", "serve", "check", "new", "revise", "import", "init", "version", "help"}
	keys := []string{"title", "description", "permalink", "url", "slug", "layout", "group", "weight", "draft",
		"last_revised", "effective", "summary", "changes", "material", "toc", "date", "lastmod"}
	cases := []struct {
		word  string
		known []string
		want  string // "" for no suggestion
	}{
		{"buidl", commands, "build"},
		{"serv", commands, "serve"},
		{"chekc", commands, "check"},
		{"versoin", commands, "version"},
		{"build", commands, ""}, // known: not a typo
		{"deploy", commands, ""},
		{"x", commands, ""},
		{"", commands, ""},
		{"titel", keys, "title"},
		{"Title", keys, "title"},
		{"last-revised", keys, "last_revised"},
		{"effectve", keys, "effective"},
		{"sumary", keys, "summary"},
		{"author", keys, ""},
		{"tags", keys, ""},
		{"image", keys, ""},
		{"company", keys, ""},
		{"urls", keys, "url"},
		{"to", keys, "toc"},
		{"datum", keys, ""},                // two edits from date, and date is short
		{"nw", []string{"new", "now"}, ""}, // as close to both: no guess
	}
	for _, c := range cases {
		got, ok := Closest(c.word, c.known)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Closest(%q) = %q, %v; want %q", c.word, got, ok, c.want)
		}
	}
}
