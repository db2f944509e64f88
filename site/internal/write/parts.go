package write

import "bytes"

// PartsOutput is an Output that can write one file given as consecutive
// parts, without joining them in memory first. policies.json is tens of
// megabytes at 1,000 policies and is assembled from one part per policy:
// joining it costs a fresh allocation of that size on every build.
type PartsOutput interface {
	Output
	WriteParts(p string, parts [][]byte) error
}

// WriteParts writes the concatenation of parts to p in out: part by part
// when out is a PartsOutput, else joined and written with out.Write.
func WriteParts(out Output, p string, parts [][]byte) error {
	if po, ok := out.(PartsOutput); ok {
		return po.WriteParts(p, parts)
	}
	return out.Write(p, bytes.Join(parts, nil))
}

// WriteParts stores one file below the temporary folder, as Write does,
// from consecutive parts.
func (d *Dir) WriteParts(p string, parts [][]byte) error {
	name, err := d.prepare(p)
	if err != nil {
		return err
	}
	return writeFileParts(name, parts)
}
