package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/clause-dev/clause/site/importer"
)

// stdin is read by clause import for the argument "-"; tests replace it.
var stdin io.Reader = os.Stdin

// runImport converts a plain-text or HTML policy to Markdown.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr)
	asHTML := fs.Bool("html", false, "read the input as HTML (default: detected from the extension and content)")
	output := fs.String("output", "", "write the Markdown to this `FILE`, which must not exist (default standard output)")
	pos, status, ok := parseArgs(fs, args, stdout)
	if !ok {
		return status
	}
	if !wantArgs(fs, pos, 1, "one input FILE, or - for standard input") {
		return exitUsage
	}
	name := pos[0]
	src, err := readInput(name)
	if err != nil {
		fmt.Fprintf(stderr, "clause import: %v\n", err)
		return exitError
	}
	res, err := importer.Convert(src, importer.Options{HTML: *asHTML, Name: name})
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitError
	}
	for _, n := range res.Notes {
		fmt.Fprintln(stderr, noteLine(name, n))
	}
	if err := writeOutput(*output, res.Markdown, stdout); err != nil {
		fmt.Fprintf(stderr, "clause import: %v\n", err)
		return exitError
	}
	return exitOK
}

// readInput reads a file, or standard input for "-". URLs are not
// fetched: clause import works offline.
func readInput(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	if len(name) > 8 && (name[:7] == "http://" || name[:8] == "https://") {
		return nil, fmt.Errorf("%s: clause import reads files, not URLs; save the page from your browser and import the file", name)
	}
	return os.ReadFile(name)
}

// writeOutput writes to stdout, or to a new file.
func writeOutput(name string, data []byte, stdout io.Writer) error {
	if name == "" {
		_, err := stdout.Write(data)
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; remove it or choose another --output", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// noteLine formats a note as path:line: note: message.
func noteLine(name string, n importer.Note) string {
	n.Path = name
	if name == "-" {
		n.Path = "<stdin>"
	}
	return fmt.Sprintf("%s: note: %s", n.Position(), n.Msg)
}
