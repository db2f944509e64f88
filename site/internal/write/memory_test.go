package write

import "testing"

// TestMemoryCopiesUnlessKept checks that Write copies what it is given,
// since callers reuse their buffers, while Keep stores data as it is.
func TestMemoryCopiesUnlessKept(t *testing.T) {
	t.Parallel()
	m := NewMemory()
	buf := []byte("first")
	if err := m.Write("a.html", buf); err != nil {
		t.Fatal(err)
	}
	kept := []byte("kept")
	if err := Keep(m, "b.html", kept); err != nil {
		t.Fatal(err)
	}
	copy(buf, "XXXXX")
	files := m.Files()
	if string(files["a.html"]) != "first" {
		t.Errorf("Write kept the caller's buffer: %q", files["a.html"])
	}
	if &files["b.html"][0] != &kept[0] {
		t.Error("Keep copied data it was told nobody changes")
	}
	if len(files) != 2 {
		t.Errorf("files = %v", files)
	}
}

// recording is an Output that is not a Memory.
type recording map[string]string

func (r recording) Write(p string, data []byte) error { r[p] = string(data); return nil }

// TestKeepWritesOtherOutputs checks that Keep falls back to Write.
func TestKeepWritesOtherOutputs(t *testing.T) {
	t.Parallel()
	r := recording{}
	if err := Keep(r, "x.css", []byte("body{}")); err != nil || r["x.css"] != "body{}" {
		t.Errorf("Keep into another output: %v, %v", r, err)
	}
}
