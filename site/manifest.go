package site

import (
	"encoding/hex"
	"encoding/json"
)

// Manifest is policies.json: what apps and consent systems read to record
// which version a person agreed to and to notice changes. Its schema is
// documented in the README.
type Manifest struct {
	Site       string           `json:"site"`
	BaseURL    string           `json:"base_url,omitempty"`
	NextChange string           `json:"next_change,omitempty"`
	Policies   []ManifestPolicy `json:"policies"`
}

// ManifestPolicy describes one policy in policies.json.
type ManifestPolicy struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	URL      string            `json:"url"`
	Group    string            `json:"group,omitempty"`
	Current  *ManifestVersion  `json:"current"`
	Upcoming *ManifestVersion  `json:"upcoming"`
	Versions []ManifestVersion `json:"versions"`
}

// ManifestVersion describes one version in policies.json.
type ManifestVersion struct {
	Effective   string   `json:"effective,omitempty"`
	LastRevised string   `json:"last_revised,omitempty"`
	Status      string   `json:"status"`
	SHA256      string   `json:"sha256"`
	URL         string   `json:"url"`
	ChangesURL  string   `json:"changes_url,omitempty"`
	Summary     string   `json:"summary,omitempty"`
	Changes     []string `json:"changes,omitempty"`
	Material    bool     `json:"material"`
}

// manifestVersion describes v, or returns nil for nil.
func (b *builder) manifestVersion(v *Version) *ManifestVersion {
	if v == nil {
		return nil
	}
	return &ManifestVersion{Effective: v.Effective.ISO(), LastRevised: v.LastRevised.ISO(), Status: v.Status,
		SHA256: hex.EncodeToString(v.src.Hash[:]), URL: b.abs(v.URL()), ChangesURL: b.abs(v.ChangesURL()),
		Summary: v.Summary, Changes: v.Changes, Material: v.Material}
}

// writeManifest writes policies.json.
func (b *builder) writeManifest(out output) {
	m := Manifest{Site: b.cfg.Title, BaseURL: b.cfg.BaseURL, NextChange: b.nextChange.ISO(), Policies: []ManifestPolicy{}}
	for _, p := range b.policies {
		pol := p.Policy
		mp := ManifestPolicy{ID: pol.ID, Title: p.Title, URL: b.abs(p.Permalink), Group: p.Group,
			Current: b.manifestVersion(pol.Current), Upcoming: b.manifestVersion(pol.Upcoming)}
		for i := len(pol.Versions) - 1; i >= 0; i-- {
			mp.Versions = append(mp.Versions, *b.manifestVersion(pol.Versions[i]))
		}
		m.Policies = append(m.Policies, mp)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		b.errs.Errorf("policies.json", 0, "cannot write: %v", err)
		return
	}
	b.put(out, "policies.json", append(data, '\n'))
}
