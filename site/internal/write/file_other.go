//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package write

import (
	"iter"
	"os"
)

// writeFile creates (or truncates) the file name and writes data to it.
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// writeFileParts writes the concatenation of parts to the file name.
func writeFileParts(name string, parts iter.Seq[[]byte]) error {
	return os.WriteFile(name, join(parts), 0o644)
}
