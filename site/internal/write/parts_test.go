package write

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWritePartsJoinsParts checks that a file written from parts holds
// them in order, whatever their sizes against the gathering buffer:
// none, empty parts, many small ones, parts filling the buffer exactly
// and parts larger than it between small ones.
func TestWritePartsJoinsParts(t *testing.T) {
	t.Parallel()
	fill := func(n int, c byte) []byte { return bytes.Repeat([]byte{c}, n) }
	cases := map[string][][]byte{
		"none.txt":   nil,
		"empty.txt":  {{}, {}},
		"one.txt":    {[]byte("only")},
		"small.txt":  {[]byte("{\n"), {}, []byte("a"), []byte(",\n    "), []byte("b"), []byte("\n]\n")},
		"exact.txt":  {fill(partsBuffer-1, 'a'), []byte("b"), []byte("c")},
		"large.txt":  {[]byte("head"), fill(partsBuffer+7, 'x'), []byte("mid"), fill(3*partsBuffer, 'y'), []byte("tail")},
		"many.txt":   manyParts(5000),
		"sub/in.txt": {[]byte("in a folder")},
	}
	dest := filepath.Join(t.TempDir(), "public")
	d, err := Open(context.Background(), dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	for p, parts := range cases {
		if err := WriteParts(d, p, slices.Values(parts)); err != nil {
			t.Fatalf("WriteParts(%s): %v", p, err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for p, parts := range cases {
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if want := bytes.Join(parts, nil); !bytes.Equal(got, want) {
			t.Errorf("%s: got %d bytes, want %d (the parts joined)", p, len(got), len(want))
		}
	}
}

// TestWritePartsOtherOutputs checks that an Output without WriteParts
// receives the parts joined, and that a path outside is refused.
func TestWritePartsOtherOutputs(t *testing.T) {
	t.Parallel()
	m := NewMemory()
	if err := WriteParts(m, "a.json", slices.Values([][]byte{[]byte("["), []byte("1"), []byte("]")})); err != nil {
		t.Fatal(err)
	}
	if got := string(m.Files()["a.json"]); got != "[1]" {
		t.Errorf("Memory got %q, want [1]", got)
	}
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Discard()
	if err := d.WriteParts("../escape.json", slices.Values([][]byte{[]byte("x")})); err == nil {
		t.Error("WriteParts outside the output folder succeeded")
	}
}

// manyParts returns n numbered parts of a few bytes each.
func manyParts(n int) [][]byte {
	parts := make([][]byte, n)
	for i := range parts {
		parts[i] = []byte{'p', byte('0' + i%10), ','}
	}
	return parts
}
