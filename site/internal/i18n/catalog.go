package i18n

import (
	"embed"
	"path"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

//go:embed words/*.yaml
var themeWords embed.FS

// Source is the language every key must exist in, and the last fallback.
const Source = "en"

// Message is one entry of the catalog: a text, or texts by plural form.
type Message struct {
	Text  string                 // the text, when the message does not count
	Forms map[plural.Form]string // the texts by plural category; Forms[plural.Other] is always set
}

// words is one language's messages, by key.
type words map[string]Message

// Catalog is the theme's words in every language, with a site's
// overrides on top. It is read-only once made, so safe for concurrent use.
type Catalog struct {
	theme map[string]words // normalized language → the theme's words
	site  map[string]words // normalized language → the site's overrides
	keys  []string         // every key, sorted: the theme's and those the site adds
}

// theme holds the embedded words, read once, and themeCatalog the
// catalog of them alone.
var (
	theme        = mustReadTheme()
	themeCatalog = &Catalog{theme: theme, keys: sortedKeys(theme[Source])}
)

// Theme returns the theme's catalog without overrides. Every call returns
// the same catalog, which is read-only.
func Theme() *Catalog { return themeCatalog }

// mustReadTheme reads words/*.yaml. The files are part of the binary and
// tested; a bad one is a bug in clause, hence the panic.
func mustReadTheme() map[string]words {
	files, err := themeWords.ReadDir("words")
	if err != nil {
		panic(err)
	}
	out := map[string]words{}
	for _, f := range files {
		name := "words/" + f.Name()
		data, err := themeWords.ReadFile(name)
		if err != nil {
			panic(err)
		}
		w, problems := parse(name, data)
		if len(problems) > 0 {
			panic(problems[0].Error())
		}
		out[normalize(strings.TrimSuffix(f.Name(), path.Ext(f.Name())))] = w
	}
	return out
}

// lookup returns the message of key in lang: the site's, then the
// theme's, for lang as written, its base language, then English.
func (c *Catalog) lookup(lang, key string) (Message, bool) {
	for _, l := range fallbacks(lang) {
		if m, ok := c.site[l][key]; ok {
			return m, true
		}
		if m, ok := c.theme[l][key]; ok {
			return m, true
		}
	}
	return Message{}, false
}

// fallbackCache holds fallbacks' answers: a site has few languages, and
// every word of every page looks one up.
var fallbackCache sync.Map // string → []string

// fallbacks returns the languages to look lang up in, in order.
func fallbacks(lang string) []string {
	if f, ok := fallbackCache.Load(lang); ok {
		return f.([]string)
	}
	f := computeFallbacks(lang)
	fallbackCache.Store(lang, f)
	return f
}

// computeFallbacks returns the languages to look lang up in, in order.
func computeFallbacks(lang string) []string {
	n := normalize(lang)
	out := []string{n}
	if b := base(n); b != n {
		out = append(out, b)
	}
	if out[len(out)-1] != Source {
		out = append(out, Source)
	}
	return out
}

// pick returns the text of m for count (ignored unless m counts).
func (m Message) pick(lang string, count int, counted bool) string {
	if m.Forms == nil {
		return m.Text
	}
	if !counted {
		return m.Forms[plural.Other]
	}
	tag := pluralTag(lang)
	n := count
	if n < 0 {
		n = -n
	}
	if s, ok := m.Forms[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]; ok {
		return s
	}
	return m.Forms[plural.Other]
}

// pluralTags holds pluralTag's answers, as fallbackCache does.
var pluralTags sync.Map // string → language.Tag

// pluralTag returns the tag whose plural rules apply to lang: lang itself
// or, when it cannot be parsed, English.
func pluralTag(lang string) language.Tag {
	if t, ok := pluralTags.Load(lang); ok {
		return t.(language.Tag)
	}
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	pluralTags.Store(lang, tag)
	return tag
}

// pluralForms are the CLDR plural categories a counting message may give.
var pluralForms = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
