package write

import (
	"bytes"
	"sync"
)

// Output receives the built site's files. Paths are slash paths relative
// to the site root, already validated. The caller may reuse data once
// Write returns, so an Output that keeps it must copy it. Write may be
// called from several goroutines at once.
type Output interface {
	Write(p string, data []byte) error
}

// Memory is an Output that keeps the site in memory.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// Write stores a copy of data at p.
func (m *Memory) Write(p string, data []byte) error {
	return m.keep(p, bytes.Clone(data))
}

// keep stores data that nobody will change again without copying it.
func (m *Memory) keep(p string, data []byte) error {
	m.mu.Lock()
	m.files[p] = data
	m.mu.Unlock()
	return nil
}

// Files returns the files written so far by path. The map is Memory's
// own: call it once the build is done.
func (m *Memory) Files() map[string][]byte { return m.files }

// Keep hands data that nobody will change again (a cached page, an asset
// read once) to out, without a copy when out is a Memory.
func Keep(out Output, p string, data []byte) error {
	if m, ok := out.(*Memory); ok {
		return m.keep(p, data)
	}
	return out.Write(p, data)
}
