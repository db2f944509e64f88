// Command histfiles writes the versions that a `--history git` build
// found as a site with history: files, so that a build without git makes
// the same pages: every version page, redline, comparison and published
// text. bench/history.sh times a build of it against the history build,
// which isolates what reading the versions from git costs.
//
// It copies the working tree of the repository (without .git) and, for
// each policy of the history build's policies.json, writes every version
// except the working-tree file's own as
// content/<policy>/versions/<effective>.md: its text is the version's
// published Markdown (…/versions/<date>/index.md) and its front matter
// the manifest's dates and summary. A working-tree file without an
// effective date gets the one that history gave it.
//
//	go run ./bench/histfiles -repo /tmp/history -built /tmp/public -out /tmp/files
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// manifest is the part of policies.json that histfiles reads.
type manifest struct {
	Policies []struct {
		ID       string            `json:"id"`
		Versions []manifestVersion `json:"versions"`
	} `json:"policies"`
}

// manifestVersion is one version of a policy in policies.json.
type manifestVersion struct {
	Effective   string  `json:"effective"`
	LastRevised string  `json:"last_revised"`
	Summary     *string `json:"summary"`
	MarkdownURL string  `json:"markdown_url"`
}

func main() {
	repo := flag.String("repo", "", "the repository the history build read (required)")
	built := flag.String("built", "", "the output folder of its --history git build (required)")
	out := flag.String("out", "", "folder for the files site (required; must not exist)")
	flag.Parse()
	if *repo == "" || *built == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: histfiles -repo DIR -built DIR -out DIR")
		os.Exit(2)
	}
	if err := run(*repo, *built, *out); err != nil {
		fmt.Fprintln(os.Stderr, "histfiles:", err)
		os.Exit(1)
	}
}

// run writes the files site.
func run(repo, built, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists", out)
	}
	if err := copyTree(repo, out); err != nil {
		return err
	}
	data, err := os.ReadFile(filepath.Join(built, "policies.json"))
	if err != nil {
		return err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("policies.json: %w", err)
	}
	for _, p := range m.Policies {
		if err := writePolicy(out, built, p.ID, p.Versions); err != nil {
			return fmt.Errorf("policy %s: %w", p.ID, err)
		}
	}
	return nil
}

// writePolicy writes the version files of policy id. The version whose
// text is the working-tree file's stays that file; when several have it,
// the newest does.
func writePolicy(out, built, id string, versions []manifestVersion) error {
	file, err := currentFile(out, id)
	if err != nil {
		return err
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	front, body, ok := splitFrontMatter(src)
	if !ok {
		return fmt.Errorf("%s: no YAML front matter", file)
	}
	texts := make([][]byte, len(versions))
	own := -1
	for i, v := range versions {
		if texts[i], err = os.ReadFile(filepath.Join(built, filepath.FromSlash(strings.TrimPrefix(v.MarkdownURL, "/")))); err != nil {
			return err
		}
		if bytes.Equal(texts[i], body) && (own < 0 || v.Effective > versions[own].Effective) {
			own = i
		}
	}
	if own < 0 {
		return fmt.Errorf("no version has the text of %s", file)
	}
	for i, v := range versions {
		if i == own {
			continue
		}
		if err := writeVersion(filepath.Join(out, "content", id, "versions", v.Effective+".md"), v, texts[i]); err != nil {
			return err
		}
	}
	if !hasKey(front, "effective") {
		dated := fmt.Appendf(bytes.Clone(front), "effective: %s\n", versions[own].Effective) // front shares src's array
		return os.WriteFile(file, joinFile(dated, body), 0o644)
	}
	return nil
}

// currentFile returns the working-tree file of policy id in the files site.
func currentFile(out, id string) (string, error) {
	for _, rel := range []string{id + ".md", path.Join(id, "index.md")} {
		file := filepath.Join(out, "content", filepath.FromSlash(rel))
		if _, err := os.Stat(file); err == nil {
			return file, nil
		}
	}
	return "", fmt.Errorf("no content/%s.md or content/%s/index.md", id, id)
}

// writeVersion writes one version file.
func writeVersion(file string, v manifestVersion, text []byte) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\neffective: %s\nlast_revised: %s\n", v.Effective, v.LastRevised)
	if v.Summary != nil {
		quoted, _ := json.Marshal(*v.Summary) // a JSON string is a YAML double-quoted one
		fmt.Fprintf(&b, "summary: %s\n", quoted)
	}
	b.WriteString("---\n")
	b.Write(text)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, b.Bytes(), 0o644)
}

// splitFrontMatter splits a file into the lines of its YAML front matter
// (without the fences) and its body.
func splitFrontMatter(src []byte) (front, body []byte, ok bool) {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return nil, nil, false
	}
	if bytes.HasPrefix(rest, []byte("---\n")) {
		return nil, rest[len("---\n"):], true
	}
	i := bytes.Index(rest, []byte("\n---\n"))
	if i < 0 {
		return nil, nil, false
	}
	return rest[:i+1], rest[i+len("\n---\n"):], true
}

// hasKey reports whether YAML front matter has a top-level key.
func hasKey(front []byte, key string) bool {
	for line := range bytes.Lines(front) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return true
		}
	}
	return false
}

// joinFile joins front matter and body into a file.
func joinFile(front, body []byte) []byte {
	return bytes.Join([][]byte{[]byte("---\n"), front, []byte("---\n"), body}, nil)
}

// copyTree copies the regular files of dir, without .git, to out.
func copyTree(dir, out string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		target := filepath.Join(out, rel)
		switch {
		case d.IsDir() && d.Name() == ".git":
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return errors.New(p + ": not a regular file")
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
