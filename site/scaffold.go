package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// NewPolicyOptions configures NewPolicy.
type NewPolicyOptions struct {
	Source string    // the site folder; default "."
	Slug   string    // the policy's path below content/ without extension: "cookies", "legal/dpa"
	Title  string    // default: the slug made readable
	Group  string    // default: the first group in clause.yaml, else "policies"
	Now    time.Time // the date written as last_revised and effective; zero means today (UTC)
}

// slugPattern is what a policy slug may look like: lowercase letters,
// digits and dashes, with / between folders.
var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$`)

// cleanSlugIn accepts a slug, also written as a content path below the
// content folder dir ("content/privacy.md"), and returns it validated:
// lowercase letters, digits and -, with / for folders, and no segment
// named index or versions.
func cleanSlugIn(slug, dir string) (string, error) {
	s := trimSlug(slug, dir)
	bad := !slugPattern.MatchString(s)
	for _, seg := range strings.Split(s, "/") {
		bad = bad || seg == "versions" || seg == "index"
	}
	if bad {
		return "", &Error{Path: slug, Msg: "not a valid policy slug",
			Hint: "use lowercase letters, digits and -, with / for folders, for example cookies or legal/dpa"}
	}
	return s, nil
}

// trimSlug returns the policy id a slug written as a content path names:
// without the content folder dir, a Markdown extension or /index.
func trimSlug(slug, dir string) string {
	s := strings.TrimPrefix(filepath.ToSlash(strings.TrimSpace(slug)), "./")
	if dir != "." {
		s = strings.TrimPrefix(s, dir+"/")
	}
	if isMarkdown(s) {
		s = strings.TrimSuffix(s, path.Ext(s))
	}
	return strings.TrimSuffix(s, "/index")
}

// NewPolicy writes <slug>.md in the content folder (content/ unless
// clause.yaml sets content_dir) with complete front matter and a
// skeleton of sections, and returns its path relative to the source. It
// never overwrites: a policy with that slug, as the build finds it, is an
// error, and so is a file the build would leave out and a Group that
// clause.yaml does not define when it defines some.
func NewPolicy(o NewPolicyOptions) (string, error) {
	if o.Source == "" {
		o.Source = "."
	}
	m, err := loadScaffoldSite(o.Source)
	if err != nil {
		return "", err
	}
	slug, err := cleanSlugIn(o.Slug, m.dir())
	if err != nil {
		return "", err
	}
	if err := checkNewGroup(o.Source, o.Group); err != nil {
		return "", err
	}
	if files := m.policyFiles(slug); len(files) > 0 {
		return "", &Error{Path: m.layout.sourcePath(files[0]), Msg: "a policy with this slug already exists; clause new never overwrites",
			Hint: fmt.Sprintf("edit it, run clause revise %s to start a new version, or choose another slug", slug)}
	}
	rel := m.layout.sourcePath(slug + ".md")
	if m.layout.skippedPath(slug+".md", false) {
		return "", &Error{Path: rel, Msg: "the build leaves this file out, so it would not be a policy",
			Hint: "choose another slug, or re-admit the file with include in clause.yaml (exclude, and names starting with . or _, leave files out)"}
	}
	if o.Group == "" {
		o.Group = m.defaultGroup()
	}
	data := newPolicyText(o, slug)
	if err := writeNew(filepath.Join(o.Source, filepath.FromSlash(rel)), data); err != nil {
		return "", &Error{Path: rel, Msg: err.Error()}
	}
	return rel, nil
}

// newPolicyText is the file clause new writes.
func newPolicyText(o NewPolicyOptions, slug string) []byte {
	today := dateOrToday(o.Now)
	title := o.Title
	if title == "" {
		title = readableName(path.Base(slug) + ".md")
	}
	fm := &yaml.Node{Kind: yaml.MappingNode}
	setKey(fm, "title", strNode(title), "")
	setKey(fm, "description", strNode("TODO: one sentence that says what this policy covers."), "")
	setKey(fm, "group", strNode(o.Group), "")
	setKey(fm, "last_revised", dateNode(today), "")
	setKey(fm, "effective", dateNode(today), "")
	setKey(fm, "toc", &yaml.Node{Kind: yaml.ScalarNode, Value: "true"}, "")
	setKey(fm, "summary", strNode("First published version."), "")
	head, _ := encodeYAML(fm) // plain scalars always encode
	return []byte("---\n" + string(head) + "---\n\n" + skeleton)
}

// skeleton is the body of a new policy: the sections most privacy
// policies need, each with a line to replace.
const skeleton = `TODO: introduce the policy in two or three sentences: who "we" are, what it covers, and why it matters to the reader.

## Who we are

TODO: the company's name and address, and who to contact about this policy.

## What this policy covers

TODO: the products, websites and people this policy applies to.

## Information we collect

TODO: what you collect, and where it comes from.

## How we use information

TODO: each purpose, and the legal basis it relies on.

## Who we share it with

TODO: the kinds of companies that receive data, and why.

## How long we keep it

TODO: how long each kind of data is kept, and what happens then.

## Your rights and choices

TODO: the rights people have, and how to use them.

## Changes to this policy

We publish every change here with the date it takes effect, and keep earlier versions available.

## Contact us

TODO: how to reach you with a question or a request.
`

// dateOrToday returns t's date, or today's (UTC) for the zero time.
func dateOrToday(t time.Time) Date {
	if t.IsZero() {
		t = time.Now().UTC()
	}
	return newDate(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// writeNew creates a file that must not exist yet, with its folders.
func writeNew(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return errors.New("the file already exists")
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
}

func strNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func dateNode(d Date) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: d.ISO()}
}

// setKey sets key in a mapping node, keeping its place when it exists;
// a new key goes after the key named after, or at the end.
func setKey(m *yaml.Node, key string, v *yaml.Node, after string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v.HeadComment, v.LineComment = m.Content[i+1].HeadComment, m.Content[i+1].LineComment
			m.Content[i+1] = v
			return
		}
	}
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if after != "" && m.Content[i].Value == after {
			at = i + 2
		}
	}
	kv := []*yaml.Node{{Kind: yaml.ScalarNode, Value: key}, v}
	m.Content = append(m.Content[:at], append(kv, m.Content[at:]...)...)
}

// deleteKey removes key from a mapping node.
func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// keyValue returns the value node of key in a mapping, or nil.
func keyValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// encodeYAML writes a node as YAML indented by two spaces.
func encodeYAML(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	err := enc.Close()
	return b.Bytes(), err
}
