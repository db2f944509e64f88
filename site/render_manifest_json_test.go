package site

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// manifestTexts are texts that encoding/json escapes in every way it
// can: HTML characters, quotes, control characters, line separators,
// invalid UTF-8, and plain and non-ASCII text.
var manifestTexts = []string{
	"", "plain", `a "quoted" \ back\slash`, "<b>&amp;</b> > <", "tab\there\nnew\rline\b\f\x00\x01\x1f\x7f",
	"line\u2028sep\u2029para", "bad \xff\xfe utf-8 \xe2\x82", "naïve café 日本語 🙂", "https://example.test/a?b=1&c=2",
}

// fillManifest sets every field of v, reachable through pointers,
// slices and structs, from seed: texts from manifestTexts, and slices
// nil, empty or of one or two elements, pointers nil or set.
func fillManifest(v reflect.Value, seed *int) {
	*seed++
	s := *seed
	switch v.Kind() {
	case reflect.String:
		v.SetString(manifestTexts[s%len(manifestTexts)])
	case reflect.Bool:
		v.SetBool(s%2 == 0)
	case reflect.Int:
		v.SetInt(int64(s%7 - 1))
	case reflect.Pointer:
		if s%3 == 0 {
			return // nil
		}
		p := reflect.New(v.Type().Elem())
		fillManifest(p.Elem(), seed)
		v.Set(p)
	case reflect.Slice:
		n := s%4 - 1 // nil, empty, 1 or 2 elements
		if n < 0 {
			return
		}
		sl := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fillManifest(sl.Index(i), seed)
		}
		v.Set(sl)
	case reflect.Struct:
		for i := range v.NumField() {
			fillManifest(v.Field(i), seed)
		}
	default:
		panic("fillManifest: a field of kind " + v.Kind().String() + " needs a case here and in render_manifest_json.go")
	}
}

// TestManifestJSONMatchesEncodingJSON checks that the hand-written
// entries of policies.json are byte for byte what json.MarshalIndent
// writes, for entries whose every field is filled in many ways.
func TestManifestJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for start := range 300 {
		seed := start
		var mp manifestPolicy
		fillManifest(reflect.ValueOf(&mp).Elem(), &seed)
		want, err := json.MarshalIndent(mp, manifestEntryPrefix, "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := encodePolicyEntry(&mp); !bytes.Equal(got, want) {
			t.Fatalf("seed %d: the hand-written entry differs from encoding/json's:\ngot:\n%s\nwant:\n%s", start, got, want)
		}
	}
}

// TestAppendJSONStringMatchesEncodingJSON checks the string escaper on
// every single byte and on the tricky texts.
func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	texts := append([]string{}, manifestTexts...)
	for b := range 256 {
		texts = append(texts, string([]byte{byte(b)}), "x"+string([]byte{byte(b)})+"y")
	}
	for _, s := range texts {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}
