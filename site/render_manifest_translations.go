package site

import (
	"encoding/hex"
)

// manifestTranslation describes, in policies.json, one language's
// translation of a version of a policy.
type manifestTranslation struct {
	Lang          string   `json:"lang"`
	URL           string   `json:"url"`
	SHA256        string   `json:"sha256"`        // of its published Markdown, as a version's sha256
	SourceSHA256  string   `json:"source_sha256"` // of its source file
	MarkdownURL   string   `json:"markdown_url"`
	TextURL       string   `json:"text_url"`
	TranslationOf nullable `json:"translation_of"` // the effective date of the version it translates
	Stale         *bool    `json:"stale"`          // null when it does not say which version it translates
}

// manifestTranslations lists the translations of version v of a policy
// in the default language: for each other language with a text of the
// policy, its version that translates v (stale: false) or else its
// latest version that translates an earlier one (stale: true). A
// translation that does not say which version it translates is listed,
// with stale null, for the version its source shows now.
func (r *renderer) manifestTranslations(v *Version) []manifestTranslation {
	m := r.m
	var out []manifestTranslation
	for _, t := range v.Policy.Translations() {
		if t == v.Policy {
			continue
		}
		tv, stale := translationOfVersion(t, v)
		if tv == nil {
			continue
		}
		e := manifestTranslation{Lang: t.Lang, URL: m.abs(tv.Permalink()), SHA256: recordIn(r.policyRecordsOf(t), tv).SHA256,
			SourceSHA256: hex.EncodeToString(tv.src.Hash[:]), MarkdownURL: m.abs(tv.MarkdownURL()), TextURL: m.abs(tv.TextURL()), Stale: stale}
		if tv.translates != nil {
			e.TranslationOf = nullable(tv.translates.Effective.ISO())
		}
		out = append(out, e)
	}
	return out
}

// translationOfVersion returns the version of translation t that stands
// for source version v, and whether it is stale (nil when unknown).
func translationOfVersion(t *Policy, v *Version) (*Version, *bool) {
	var best *Version
	known := false
	for _, tv := range t.Versions {
		if tv.translates == nil {
			continue
		}
		known = true
		if !tv.translates.Effective.After(v.Effective) {
			best = tv
		}
	}
	if !known {
		if v == v.Policy.Shown() {
			return t.Shown(), nil
		}
		return nil, nil
	}
	if best == nil {
		return nil, nil
	}
	stale := best.translates != v
	return best, &stale
}

// translationTexts returns the hashes of the texts of a policy's
// translations, which its entry in policies.json lists.
func translationTexts(p *Page) [][][32]byte {
	var out [][][32]byte
	for _, t := range p.Policy.Translations() {
		if t != p.Policy {
			out = append(out, textsOf(t.page))
		}
	}
	return out
}
