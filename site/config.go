package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/clause-dev/clause/site/internal/frontmatter"
)

// configFile is the name of the site configuration file in the source folder.
const configFile = "clause.yaml"

// Config is the site configuration read from clause.yaml. Command-line
// flags and CLAUSE_* environment variables override it.
type Config struct {
	unreadable  bool           // clause.yaml is not valid YAML: its keys are unknown, not missing
	Title       string         `yaml:"title"`
	Description string         `yaml:"description"`
	BaseURL     string         `yaml:"base_url"`
	Language    string         `yaml:"language"`
	Contact     string         `yaml:"contact"`
	TOC         bool           `yaml:"toc"`
	TOCLevels   []int          `yaml:"toc_levels"`
	Typographer bool           `yaml:"typographer"`
	Groups      []Group        `yaml:"groups"`
	Footer      []Link         `yaml:"footer"`
	Params      map[string]any `yaml:"params"`
	History     History        `yaml:"history"`
	// HistorySince is the date git history starts at (history_since).
	HistorySince string `yaml:"history_since"`
	// Redirects maps old paths to new ones ("/old/": "/new/"); its
	// "formats" key lists the redirect files to write.
	Redirects yaml.Node `yaml:"redirects"`
	// Languages lists the languages of a multilingual site (see
	// config_languages.go); DefaultLanguage is the one at the root
	// unless DefaultLanguageInSubdir puts it under /<code>/ too.
	Languages               []Language `yaml:"-"`
	DefaultLanguage         string     `yaml:"default_language"`
	DefaultLanguageInSubdir bool       `yaml:"default_language_in_subdir"`
	// NoticeDays is the notice period of a material change (notice_days;
	// see notice.go), nil when unset.
	NoticeDays *int `yaml:"notice_days"`

	layout       *layout        // content_dir, include and exclude
	lines        map[string]int // top-level key → line, for errors
	raw          []byte         // the file as read, for cache keys
	historySince Date           // HistorySince read, or zero
}

// Group is a heading on the home page under which policies are listed.
type Group struct {
	ID         string            `yaml:"id"`
	Title      string            `yaml:"title"`
	Titles     map[string]string `yaml:"titles"`      // the title in other languages of a multilingual site, by code
	NoticeDays *int              `yaml:"notice_days"` // the group's notice period, over the site's
	Pages      []*Page           `yaml:"-"`
	lines      map[string]int    // key → line in clause.yaml, "" for the group's first line
}

// line returns the line of the group's key in clause.yaml, else the line
// the group starts on, else 0.
func (g *Group) line(key string) int {
	if l, ok := g.lines[key]; ok {
		return l
	}
	return g.lines[""]
}

// Link is a titled URL, used for footer links.
type Link struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

// defaultConfig is the configuration of a site without clause.yaml.
func defaultConfig() *Config {
	return &Config{Title: "Privacy Center", Language: "en", TOCLevels: []int{2, 3},
		layout: defaultLayout(), lines: map[string]int{}}
}

// maxConfigBytes is the largest clause.yaml clause reads: settings and a
// redirect list of tens of thousands of entries fit many times over, and a
// larger file is a mistake (or an attack on a build machine).
const maxConfigBytes = 4 << 20

// loadConfig reads clause.yaml from the source folder, if present.
func loadConfig(src fs.FS, errs *ErrorList) *Config {
	cfg := defaultConfig()
	data, err := fs.ReadFile(src, configFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg
	}
	if err != nil {
		errs.Errorf(configFile, 0, "cannot read: %v", err)
		return cfg
	}
	if len(data) > maxConfigBytes {
		errs.Add(&Error{Path: configFile, Line: 1, Msg: fmt.Sprintf("clause.yaml is %d KB, more than the %d KB allowed", (len(data)+1023)>>10, maxConfigBytes>>10),
			Hint: "clause.yaml holds settings; a long redirect list belongs in a redirects file your host reads"})
		cfg.unreadable = true
		return cfg
	}
	cfg.raw = data
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		fe := frontmatter.YAMLError(0, err)
		e := &Error{Path: configFile, Line: fe.Line, Msg: strings.Replace(fe.Msg, "front matter", "in clause.yaml", 1)}
		plainYAML(e, "invalid YAML in clause.yaml: ", fileLine(data, e.Line))
		errs.Add(e)
		cfg.unreadable = true
		return cfg
	}
	if d := frontmatter.CheckYAMLNesting(&doc); d != nil {
		errs.Add(&Error{Path: configFile, Line: d.Line, Col: d.Col, Msg: strings.Replace(d.Msg, "front matter", "clause.yaml", 1),
			Hint: "clause.yaml holds settings; flatten the nested lists and mappings"})
		cfg.unreadable = true
		return cfg
	}
	frontmatter.ByteColumns(&doc, data)
	cfg.decode(&doc, errs)
	return cfg
}

// knownConfigKeys lists the top-level keys of clause.yaml.
var knownConfigKeys = map[string]bool{
	"title": true, "description": true, "base_url": true, "language": true, "contact": true,
	"toc": true, "toc_levels": true, "typographer": true, "groups": true, "footer": true,
	"params": true, "history": true, "redirects": true, "history_since": true,
	"content_dir": true, "include": true, "exclude": true,
	"languages": true, "default_language": true, "default_language_in_subdir": true,
	"notice_days": true,
}

// decode fills cfg from the YAML document, reporting bad values by line.
func (cfg *Config) decode(doc *yaml.Node, errs *ErrorList) {
	if len(doc.Content) == 0 {
		return
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.Errorf(configFile, root.Line, "clause.yaml must be a mapping of keys to values")
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		cfg.lines[k.Value] = k.Line
		if !knownConfigKeys[k.Value] {
			errs.Add(unknownConfigKey(k.Value, k.Line))
		}
	}
	cfg.decodeLayout(root, errs)
	if err := root.Decode(cfg); err != nil {
		e := configTypeError(err)
		plainTypeError(e, fileLine(cfg.raw, e.Line))
		errs.Add(e)
	}
	cfg.locateGroups(root)
	cfg.decodeLanguages(root, errs)
	cfg.validate(errs)
}

// locateGroups records where each group and its keys are in clause.yaml,
// so that errors about one group point at it rather than at groups:.
func (cfg *Config) locateGroups(root *yaml.Node) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "groups" || root.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for j, item := range root.Content[i+1].Content {
			if j >= len(cfg.Groups) {
				break
			}
			lines := map[string]int{"": item.Line}
			for k := 0; item.Kind == yaml.MappingNode && k+1 < len(item.Content); k += 2 {
				lines[item.Content[k].Value] = item.Content[k].Line
			}
			cfg.Groups[j].lines = lines
		}
	}
}

// configTypeError locates a yaml.v3 type error.
func configTypeError(err error) *Error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	fe := frontmatter.YAMLError(0, errors.New(msg))
	return &Error{Path: configFile, Line: fe.Line, Msg: strings.TrimPrefix(fe.Msg, "invalid YAML front matter: ")}
}

// validate checks values that YAML types alone cannot.
func (cfg *Config) validate(errs *ErrorList) {
	if cfg.BaseURL != "" {
		if err := checkBaseURL(cfg.BaseURL); err != nil {
			errs.Add(&Error{Path: configFile, Line: cfg.lines["base_url"], Msg: err.Error(),
				Hint: "use an absolute URL such as https://example.com/ or https://example.github.io/policies/"})
		}
	}
	if len(cfg.TOCLevels) != 2 || cfg.TOCLevels[0] < 1 || cfg.TOCLevels[1] > 6 || cfg.TOCLevels[0] > cfg.TOCLevels[1] {
		errs.Add(&Error{Path: configFile, Line: cfg.lines["toc_levels"], Msg: fmt.Sprintf("toc_levels must be two heading levels from 1 to 6, got %v", cfg.TOCLevels),
			Hint: "for example toc_levels: [2, 3]"})
		cfg.TOCLevels = []int{2, 3}
	}
	if cfg.History != "" && cfg.History != HistoryFiles && cfg.History != HistoryGit {
		errs.Errorf(configFile, cfg.lines["history"], "history must be \"files\" or \"git\", got %q", cfg.History)
	}
	cfg.validateHistorySince(errs)
	cfg.validateNoticeDays(errs)
	seen := map[string]bool{}
	for i := range cfg.Groups {
		g := &cfg.Groups[i]
		if g.ID == "" || seen[g.ID] {
			errs.Errorf(configFile, g.line("id"), "every group needs a unique id (got %q)", g.ID)
		}
		seen[g.ID] = true
		cfg.validateGroupTitles(g, errs)
	}
}

// validateGroupTitles checks that a group's titles name languages that
// languages: lists, and keys them by their canonical codes.
func (cfg *Config) validateGroupTitles(g *Group, errs *ErrorList) {
	if len(g.Titles) == 0 {
		return
	}
	titles := make(map[string]string, len(g.Titles))
	for _, code := range slices.Sorted(maps.Keys(g.Titles)) {
		c := cfg.languageCode(code)
		if c == "" {
			errs.Add(&Error{Path: configFile, Line: g.line("titles"),
				Msg:  fmt.Sprintf("group %q has a title in %q, which is not one of the languages in clause.yaml", g.ID, code),
				Hint: "titles are keyed by the codes listed under languages:, such as de or pt-BR"})
			continue
		}
		titles[c] = g.Titles[code]
	}
	g.Titles = titles
}

// validateHistorySince reads history_since, which must be a date.
func (cfg *Config) validateHistorySince(errs *ErrorList) {
	if cfg.HistorySince == "" {
		return
	}
	d, err := ParseDate(cfg.HistorySince)
	if err != nil {
		errs.Add(&Error{Path: configFile, Line: cfg.lines["history_since"], Msg: "history_since: " + err.Error(), Hint: dateHintFor(err)})
		return
	}
	cfg.historySince = d
}

// checkBaseURL accepts absolute http(s) URLs without query or fragment.
func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("base_url %q is not an absolute http(s) URL", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("base_url %q must not have a query or fragment", s)
	}
	return nil
}

// overrideBaseURL replaces base_url with a value from source (the
// CLAUSE_BASE_URL variable or the --base-url flag), checking it as
// clause.yaml's own value is checked. Empty values change nothing.
func (cfg *Config) overrideBaseURL(source, value string, errs *ErrorList) {
	if value == "" {
		return
	}
	cfg.BaseURL = value
	if err := checkBaseURL(value); err != nil {
		errs.Add(&Error{Path: source, Msg: err.Error(), Hint: "use an absolute URL such as https://example.com/"})
	}
}

// basePath returns the path part of the base URL without a trailing slash:
// "" for https://example.com/, "/policies" for https://example.github.io/policies/.
func (cfg *Config) basePath() string {
	if cfg.BaseURL == "" {
		return ""
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.EscapedPath(), "/")
}

// absBase returns the base URL without a trailing slash, or "".
func (cfg *Config) absBase() string { return strings.TrimSuffix(cfg.BaseURL, "/") }
