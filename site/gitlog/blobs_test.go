package gitlog

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestLogAndBlobs checks that Log finds the same revisions as History
// without their contents, and that Blobs returns each content by its id,
// in batches of any size and from several goroutines.
func TestLogAndBlobs(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	for i := range 5 {
		r.write("privacy.md", policyText("Privacy", strings.Repeat("edit ", i)))
		r.commit("Edit " + string(rune('a'+i)))
	}
	r.git("mv", "privacy.md", "notice.md")
	r.commit("Rename")
	repo := r.open()
	full := r.history("notice.md")["notice.md"]
	logged, err := repo.Log([]string{"notice.md"})
	if err != nil {
		t.Fatal(err)
	}
	revs := logged["notice.md"]
	if !slices.Equal(summary(revs), summary(full)) {
		t.Fatalf("Log = %q, History = %q", summary(revs), summary(full))
	}
	blobs, err := repo.openBlobs(3) // several processes, whatever GOMAXPROCS is
	if err != nil {
		t.Fatal(err)
	}
	var oids []string
	for i, rev := range revs {
		if rev.Content != nil || rev.Blob != full[i].Blob || rev.Blob == "" {
			t.Fatalf("revision %d: content %q, blob %q, want no content and blob %q", i, rev.Content, rev.Blob, full[i].Blob)
		}
		oids = append(oids, rev.Blob)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := blobs.Read(oids...)
			if err != nil {
				t.Error(err)
				return
			}
			for i := range got {
				if string(got[i]) != string(full[i].Content) {
					t.Errorf("blob %d = %q, want %q", i, got[i], full[i].Content)
				}
			}
		}()
	}
	wg.Wait()
	if err := blobs.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestBlobsMissing checks that an unknown blob id is an error naming it,
// for that read and every later one, whichever process serves it, and
// that Close may be called twice.
func TestBlobsMissing(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.write("privacy.md", "v1\n")
	r.commit("Add")
	blobs, err := r.open().openBlobs(2)
	if err != nil {
		t.Fatal(err)
	}
	missing := strings.Repeat("ab", 20)
	for range 3 {
		if _, err := blobs.Read(missing); err == nil || !strings.Contains(err.Error(), missing) {
			t.Errorf("err = %v, want one naming %s", err, missing)
		}
	}
	for range 2 {
		if err := blobs.Close(); err != nil {
			t.Errorf("Close after a failed read: %v", err)
		}
	}
}
