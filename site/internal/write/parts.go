package write

import (
	"bytes"
	"iter"
)

// PartsOutput is an Output that can write one file given as consecutive
// parts, without joining them in memory first. policies.json is tens of
// megabytes at 1,000 policies and hundreds at 10,000, and is assembled
// from one part per policy: given as a sequence, each part is made,
// written and dropped in turn, so the file is never whole in memory.
type PartsOutput interface {
	Output
	WriteParts(p string, parts iter.Seq[[]byte]) error
}

// WriteParts writes the concatenation of parts to p in out: part by part
// when out is a PartsOutput, else joined and written with out.Write.
func WriteParts(out Output, p string, parts iter.Seq[[]byte]) error {
	if po, ok := out.(PartsOutput); ok {
		return po.WriteParts(p, parts)
	}
	return out.Write(p, join(parts))
}

// partsBuffer is the size of the buffer in which writeFileParts gathers
// small parts on Unix, and the size the tests place parts around.
const partsBuffer = 256 << 10

// join returns the concatenation of parts.
func join(parts iter.Seq[[]byte]) []byte {
	var b bytes.Buffer
	for part := range parts {
		b.Write(part)
	}
	return b.Bytes()
}

// WriteParts stores one file below the temporary folder, as Write does,
// from consecutive parts.
func (d *Dir) WriteParts(p string, parts iter.Seq[[]byte]) error {
	name, err := d.prepare(p)
	if err != nil {
		return err
	}
	return writeFileParts(name, parts)
}
