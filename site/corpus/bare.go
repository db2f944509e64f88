package corpus

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/clause-dev/clause/site/internal/frontmatter"
)

// BareOptions says how the bare loop writes and how many documents it
// renders at once.
type BareOptions struct {
	// Dirs writes <document>/index.html, one folder per page as a site
	// has; otherwise flat files in out.
	Dirs bool
	// Workers is how many documents are rendered at once; 0 or 1 renders
	// them one after another. A floor for clause, which renders with
	// GOMAXPROCS workers, must use as many.
	Workers int
	// Redlines renders each policy folder's versions and writes the
	// comparisons a site shows between them (see bareRedlines), instead
	// of rendering each document on its own.
	Redlines bool
	// Texts also writes each policy's Markdown, plain text and embeddable
	// page beside its page (see bareTexts), one folder per policy.
	Texts bool
}

// BareLoop is the benchmark baseline: the least work any generator must do
// for a corpus. It parses each document's front matter, renders it with
// goldmark (GFM) and writes one file per document.
func BareLoop(src, out string, o BareOptions) error {
	if o.Redlines && o.Texts {
		return errors.New("bare loop: Redlines and Texts are two floors; choose one")
	}
	if o.Redlines {
		return bareRedlines(src, out, max(o.Workers, 1))
	}
	content := filepath.Join(src, "content")
	var docs []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			docs = append(docs, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	workers := max(o.Workers, 1)
	next := make(chan string)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- bareWorker(content, out, o, next)
		}()
	}
	for _, p := range docs {
		next <- p
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// bareWorker renders and writes the documents it receives until next is
// closed. After an error it keeps draining next, so the sender never
// blocks, and returns the first error.
func bareWorker(content, out string, o BareOptions, next <-chan string) error {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var first error
	for p := range next {
		switch {
		case first != nil:
		case o.Texts:
			first = bareTexts(md, content, out, p)
		default:
			first = bareOne(md, content, out, o.Dirs, p)
		}
	}
	return first
}

// bareOne renders one document and writes it.
func bareOne(md goldmark.Markdown, content, out string, dirs bool, p string) error {
	html, err := renderBare(md, p)
	if err != nil {
		return err
	}
	rel, _ := filepath.Rel(content, p)
	name := filepath.Join(out, strings.ReplaceAll(rel, string(filepath.Separator), "_")+".html")
	if dirs {
		name = filepath.Join(out, strings.TrimSuffix(rel, ".md"), "index.html")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(name, html, 0o644)
}

// renderBare reads one document, drops its front matter and renders it.
func renderBare(md goldmark.Markdown, p string) ([]byte, error) {
	body, err := readBareBody(p)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = md.Convert(body, &buf)
	return buf.Bytes(), err
}

// readBareBody reads the document p and returns the Markdown after its
// front matter (see bareBody).
func readBareBody(p string) ([]byte, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return bareBody(p, data)
}

// bareBody splits and decodes the front matter of the document p, whose
// bytes are data, and returns the Markdown after it.
func bareBody(p string, data []byte) ([]byte, error) {
	block, perr := frontmatter.Split(data)
	if perr != nil {
		perr.Path = p
		return nil, perr
	}
	if _, problems := frontmatter.Decode(block); len(problems) > 0 {
		problems[0].Path = p
		return nil, problems[0]
	}
	return block.Body, nil
}
