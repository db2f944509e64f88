package redirect

// fileSet receives the files of every format as they are rendered: it
// hands each to emit and remembers its name, for the formats that must
// not write where another file already is.
type fileSet struct {
	emit  func(name string, data []byte)
	names map[string]bool
}

// put hands one file to emit.
func (s *fileSet) put(name string, data []byte) {
	s.names[name] = true
	s.emit(name, data)
}

// has reports whether a file was put at name.
func (s *fileSet) has(name string) bool { return s.names[name] }
