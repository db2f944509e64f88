package gitlog

import (
	"bufio"
	"io"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/fuzzbudget"
)

const (
	hashA = "2bd2468c446b88a2cb2466ed20c32960e77e9a1c"
	hashB = "61ee2cb16a37fd5a26344822aa8080f789a7908d"
	blobX = "b95cdb280117f8b51e40026c931997a364bcb05e"
	blobY = "a02346642a0fcb08e37a1323728ed0e6f5d1d4c4"
	zeros = "0000000000000000000000000000000000000000"
)

// sampleLog is `git log -z --raw` output in logFormat: a rename commit, an
// empty commit, and a root commit adding two files.
var sampleLog = strings.Join([]string{
	hashB, "1700003600", "Ada", "Move: it",
	"\n:100644 100644 " + blobX + " " + blobY + " R082", "a.md", "d é.md",
	hashA, "1700001800", "Ada", "",
	hashA, "1700000000", "Ada", "first one",
	"\n:000000 100644 " + zeros + " " + blobX + " A", "a.md",
	":000000 100644 " + zeros + " " + blobY + " A", "b\nc.md",
}, "\x00") + "\x00"

func readAll(t *testing.T, out string) ([]*commit, error) {
	t.Helper()
	lr := newLogReader(strings.NewReader(out))
	var commits []*commit
	for {
		c, err := lr.next()
		if err == io.EOF {
			return commits, nil
		}
		if err != nil {
			return commits, err
		}
		commits = append(commits, c)
	}
}

func TestLogReader(t *testing.T) {
	t.Parallel()
	commits, err := readAll(t, sampleLog)
	if err != nil {
		t.Fatal(err)
	}
	if len(commits) != 3 {
		t.Fatalf("got %d commits, want 3", len(commits))
	}
	c := commits[0]
	if c.hash != hashB || c.time.Unix() != 1700003600 || c.subject != "Move: it" || len(c.changes) != 1 {
		t.Errorf("first commit = %+v", c)
	}
	if ch := c.changes[0]; ch.status != 'R' || ch.src != "a.md" || ch.dst != "d é.md" || ch.newOID != blobY {
		t.Errorf("rename = %+v", ch)
	}
	if len(commits[1].changes) != 0 || commits[1].subject != "" {
		t.Errorf("empty commit = %+v", commits[1])
	}
	if ch := commits[2].changes[1]; ch.status != 'A' || ch.dst != "b\nc.md" {
		t.Errorf("add = %+v", ch)
	}
}

func TestLogReaderRejectsOddOutput(t *testing.T) {
	t.Parallel()
	for name, out := range map[string]string{
		"not a hash":      "hello\x00",
		"bad time":        hashA + "\x00soon\x00Ada\x00s\x00",
		"short header":    hashA + "\x001\x00",
		"bad raw entry":   hashA + "\x001\x00Ada\x00s\x00\n:100644 M\x00a\x00",
		"missing path":    hashA + "\x001\x00Ada\x00s\x00\n:100644 100644 " + blobX + " " + blobY + " M\x00",
		"missing rename":  hashA + "\x001\x00Ada\x00s\x00\n:100644 100644 " + blobX + " " + blobY + " R100\x00a\x00",
		"stray after raw": hashA + "\x001\x00Ada\x00s\x00\n:100644 100644 " + blobX + " " + blobY + " M\x00a\x00junk\x00",
	} {
		if _, err := readAll(t, out); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestWalkerFollowsRenameAndStopsAtAdd(t *testing.T) {
	t.Parallel()
	commits, err := readAll(t, sampleLog)
	if err != nil {
		t.Fatal(err)
	}
	w := newWalker([]string{"d é.md", "b\nc.md"}, nil)
	for _, c := range commits {
		w.visit(c)
	}
	if !w.done() {
		t.Error("walker not done after the root commit")
	}
	revs := w.revisions(map[string][]byte{blobX: []byte("x"), blobY: []byte("y")})
	got := revs["d é.md"]
	if len(got) != 2 || got[0].Path != "a.md" || string(got[0].Content) != "x" || got[1].Path != "d é.md" {
		t.Errorf("renamed file history = %+v", got)
	}
	if got := revs["b\nc.md"]; len(got) != 1 || string(got[0].Content) != "y" {
		t.Errorf("second file history = %+v", got)
	}
}

func TestReadResponses(t *testing.T) {
	t.Parallel()
	out := blobX + " blob 3\nabc\n" + blobY + " blob 0\n\n"
	blobs := map[string][]byte{}
	if err := readResponses(bufio.NewReader(strings.NewReader(out)), blobs); err != nil {
		t.Fatal(err)
	}
	if string(blobs[blobX]) != "abc" || blobs[blobY] == nil || len(blobs[blobY]) != 0 {
		t.Errorf("blobs = %q", blobs)
	}
	for name, bad := range map[string]string{
		"missing":   blobX + " missing\n",
		"truncated": blobX + " blob 10\nabc",
		"no hash":   "zz blob 1\na\n",
		"tree":      blobX + " tree 1\na\n",
		"huge":      blobX + " blob 99999999999999999999\n",
		"negative":  blobX + " blob -1\n",
		"no ending": blobX + " blob 1\nab",
		"no eol":    blobX + " blob 1",
	} {
		err := readResponses(bufio.NewReader(strings.NewReader(bad)), map[string][]byte{})
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzLogReader(f *testing.F) {
	f.Add(sampleLog)
	f.Add(hashA + "\x001\x00Ada\x00s\x00\n:100644 100644 " + blobX + " " + blobY + " R100\x00a\x00")
	f.Add(":\x00\x00")
	f.Fuzz(func(t *testing.T, out string) {
		defer fuzzbudget.Check(t)()
		commits, _ := readAll(t, out)
		w := newWalker([]string{"a.md", "d é.md"}, nil)
		for _, c := range commits {
			w.visit(c)
		}
		_ = w.revisions(map[string][]byte{})
	})
}
