package write

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// BenchmarkRemoveLinked removes the shape of a 1,000-policy output after
// a rebuild that linked every file (see previous): 3,000 folders and
// 5,000 files whose every one is also linked from the new output, so that
// removing them frees no blocks. TMPDIR picks the file system.
func BenchmarkRemoveLinked(b *testing.B) {
	var files []string
	for i := 0; i < 1000; i++ {
		for _, name := range []string{"index.html", "index.md", "index.txt", "embed/index.html"} {
			files = append(files, fmt.Sprintf("policy-%04d/%s", i, name))
		}
		files = append(files, fmt.Sprintf("legal-%04d/index.html", i))
	}
	for _, workers := range []int{0, 8, removeWorkers} { // one at a time, the number before session 7, now
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			root := b.TempDir()
			kept := filepath.Join(root, "new")
			writeTree(b, kept, map[string]string{MarkerFile: MarkerText})
			for _, name := range files {
				writeTree(b, kept, map[string]string{name: strings.Repeat("<p>policy</p>\n", 3000)})
			}
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := filepath.Join(root, "old")
				for _, name := range append(files, MarkerFile) {
					p := filepath.Join(dir, filepath.FromSlash(name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						b.Fatal(err)
					}
					if err := os.Link(filepath.Join(kept, filepath.FromSlash(name)), p); err != nil {
						b.Fatal(err)
					}
				}
				unix.Sync()
				r := &treeRemover{slots: make(chan struct{}, workers), removeFile: os.Remove}
				b.StartTimer()
				if err := r.removeOwned(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
