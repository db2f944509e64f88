package site

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"slices"

	"github.com/clause-dev/clause/site/internal/memo"
	"github.com/clause-dev/clause/site/internal/write"
)

// manifest is policies.json: what apps and consent systems read to record
// which version a person agreed to and to notice changes. Its schema is
// documented in the README.
type manifest struct {
	Site       string           `json:"site"`
	BaseURL    string           `json:"base_url,omitempty"`
	NextChange string           `json:"next_change,omitempty"`
	Policies   []manifestPolicy `json:"policies"`
}

// manifestPolicy describes one policy in policies.json.
type manifestPolicy struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	URL      string            `json:"url"`
	Group    nullable          `json:"group"`
	Current  *manifestVersion  `json:"current"`
	Upcoming *manifestVersion  `json:"upcoming"`
	Versions []manifestVersion `json:"versions"`
}

// manifestVersion describes one version in policies.json.
type manifestVersion struct {
	Effective    nullable          `json:"effective"`
	LastRevised  nullable          `json:"last_revised"`
	Status       Status            `json:"status"`
	SHA256       string            `json:"sha256"`        // of the published Markdown, MarkdownURL
	SourceSHA256 string            `json:"source_sha256"` // of the version's source file, front matter included
	URL          string            `json:"url"`
	MarkdownURL  string            `json:"markdown_url"`
	TextURL      string            `json:"text_url"`
	ChangesURL   nullable          `json:"changes_url"`
	Summary      nullable          `json:"summary"`
	Changes      []string          `json:"changes"` // [] when there are none
	Material     bool              `json:"material"`
	Sections     []manifestSection `json:"sections"` // [] when it has no headings

	Translations []manifestTranslation `json:"translations,omitempty"` // on a multilingual site; see render_manifest_translations.go
}

// nullable is a text of policies.json that is written as null when it is
// empty, so that every version has the same keys.
type nullable string

// MarshalJSON implements json.Marshaler.
func (s nullable) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON implements json.Unmarshaler; null reads as "".
func (s *nullable) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*s = ""
		return nil
	}
	return json.Unmarshal(data, (*string)(s))
}

// manifestVersion describes v, whose published text has the record
// rec, or returns nil for nil.
func (r *renderer) manifestVersion(v *Version, rec versionRecord) *manifestVersion {
	m := r.m
	if v == nil {
		return nil
	}
	changes := v.Changes
	if changes == nil {
		changes = []string{}
	}
	return &manifestVersion{Effective: nullable(v.Effective.ISO()), LastRevised: nullable(v.LastRevised.ISO()), Status: v.Status,
		SHA256: rec.SHA256, SourceSHA256: hex.EncodeToString(v.src.Hash[:]), URL: m.abs(v.Permalink()),
		MarkdownURL: m.abs(v.MarkdownURL()), TextURL: m.abs(v.TextURL()), ChangesURL: nullable(m.abs(v.ChangesURL())),
		Summary: nullable(v.Summary), Changes: changes, Material: v.Material, Sections: rec.Sections,
		Translations: r.manifestTranslations(v)}
}

// writeManifest writes policies.json.
// It is assembled from one indented fragment per policy, which the dev
// server's cache keeps, so an edit re-encodes only the policy it touched.
// The fragments are handed to the output one after another as they are
// made, never joined: the file is tens of megabytes at 1,000 policies
// and hundreds at 10,000, and a build writes each fragment and drops it.
func (r *renderer) writeManifest(out output) {
	var head bytes.Buffer
	head.WriteString("{\n")
	writeField(&head, "site", r.m.in.cfg.Title)
	if r.m.in.cfg.BaseURL != "" {
		writeField(&head, "base_url", r.m.in.cfg.absBase()+"/")
	}
	if !r.m.nextChange.IsZero() {
		writeField(&head, "next_change", r.m.nextChange.ISO())
	}
	head.WriteString(`  "policies": [`)
	policies := r.m.defaultLanguage().policies // each lists its translations
	parts := func(yield func([]byte) bool) {
		if !yield(head.Bytes()) {
			return
		}
		for i, p := range policies {
			sep := manifestSeparator[1:]
			if i > 0 {
				sep = manifestSeparator
			}
			if !r.awaitEntry(p) || !yield(sep) || !yield(r.manifestPolicy(p, r.policyRecordsOf(p.Policy))) {
				return
			}
			r.releaseEntry(p)
		}
		tail := []byte("]\n}\n")
		if len(policies) > 0 {
			tail = []byte("\n  ]\n}\n")
		}
		yield(tail)
	}
	if err := write.WriteParts(out, "policies.json", parts); err != nil {
		r.errs.Errorf("policies.json", 0, "cannot write: %v", unwrapPathError(err))
	}
}

// manifestSeparator comes before each policy's entry in policies.json,
// without its comma before the first.
var manifestSeparator = []byte(",\n    ")

// indexRecords maps each policy to its index in m.policies, and so in
// records.
func (r *renderer) indexRecords() {
	r.recordIndex = make(map[*Policy]int, len(r.m.policies))
	for i, p := range r.m.policies {
		r.recordIndex[p.Policy] = i
	}
}

// policyRecordsOf returns the records of pol's versions, oldest first,
// as its render made them (see render_records.go), or nil.
func (r *renderer) policyRecordsOf(pol *Policy) []versionRecord {
	if i, ok := r.recordIndex[pol]; ok && i < len(r.records) {
		return r.records[i]
	}
	return nil
}

// recordIn returns the record of v in recs, the records of its policy's
// versions, oldest first; a version without one has no sections.
func recordIn(recs []versionRecord, v *Version) versionRecord {
	if v != nil {
		if i := slices.Index(v.Policy.Versions, v); i >= 0 && i < len(recs) {
			return recs[i]
		}
	}
	return versionRecord{Sections: []manifestSection{}}
}

// writeField writes one string member of the manifest's top level.
func writeField(buf *bytes.Buffer, key, value string) {
	k, _ := json.Marshal(key)
	v, _ := json.Marshal(value)
	buf.WriteString("  " + string(k) + ": " + string(v) + ",\n")
}

// manifestPolicy encodes one policy's entry, indented for its place;
// recs are the records of its versions, oldest first.
func (r *renderer) manifestPolicy(p *Page, recs []versionRecord) []byte {
	key := func() memo.Key { return memo.Of("manifest entry", r.m.policyKey(p), translationTexts(p)) }
	data, _ := memo.Do(r.m.in.opts.cache.memoView(), key, func() ([]byte, bool) {
		return r.encodeManifestPolicy(p, recs)
	})
	return data
}

// encodeManifestPolicy encodes one policy's entry (see
// render_manifest_json.go); ok is true, for the memo: encoding cannot
// fail.
func (r *renderer) encodeManifestPolicy(p *Page, recs []versionRecord) (data []byte, ok bool) {
	pol := p.Policy
	mp := manifestPolicy{ID: pol.ID, Title: p.Title, URL: r.m.abs(p.Permalink), Group: nullable(p.Group),
		Current: r.manifestVersion(pol.Current, recordIn(recs, pol.Current)), Upcoming: r.manifestVersion(pol.Upcoming, recordIn(recs, pol.Upcoming))}
	for i := len(pol.Versions) - 1; i >= 0; i-- {
		rec := versionRecord{Sections: []manifestSection{}}
		if i < len(recs) {
			rec = recs[i] // recs are in the order of pol.Versions
		}
		mp.Versions = append(mp.Versions, *r.manifestVersion(pol.Versions[i], rec))
	}
	return encodePolicyEntry(&mp), true
}
