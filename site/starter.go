package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// InitOptions configures InitSite.
type InitOptions struct {
	Dir string    // the folder to start the site in; created if missing; default "."
	Now time.Time // the date the starter policy takes effect; zero means today (UTC)
}

// InitSite writes a starter site into o.Dir: clause.yaml and one policy,
// content/privacy.md, with complete front matter. It refuses a folder
// that already holds clause.yaml or a content folder, and never
// overwrites a file; on refusal it writes nothing. It returns the paths
// it wrote, relative to o.Dir.
func InitSite(o InitOptions) ([]string, error) {
	if o.Dir == "" {
		o.Dir = "."
	}
	if fi, err := os.Stat(o.Dir); err == nil && !fi.IsDir() {
		return nil, &Error{Path: o.Dir, Msg: "not a folder", Hint: "name a folder for the new site, or leave it out to use this one"}
	}
	for _, name := range []string{configFile, "content"} {
		if _, err := os.Lstat(filepath.Join(o.Dir, name)); err == nil {
			return nil, &Error{Path: filepath.ToSlash(filepath.Join(o.Dir, name)), Msg: "already exists, so this folder holds a site; clause init never overwrites",
				Hint: "run clause serve here to see it, or clause init NEW-FOLDER to start another site"}
		}
	}
	today := dateOrToday(o.Now).ISO()
	files := []struct{ name, text string }{
		{configFile, starterConfig},
		{"content/privacy.md", strings.ReplaceAll(starterPolicy, "DATE", today)},
	}
	var wrote []string
	for _, f := range files {
		if err := writeNew(filepath.Join(o.Dir, filepath.FromSlash(f.name)), []byte(f.text)); err != nil {
			return wrote, &Error{Path: f.name, Msg: err.Error()}
		}
		wrote = append(wrote, f.name)
	}
	return wrote, nil
}

// missingSite says what is missing when source holds neither clause.yaml
// nor a content folder, so that clause serve does not quietly serve an
// empty site; it returns "" for a folder that holds a site.
func missingSite(source string) string {
	for _, name := range []string{configFile, "content"} {
		if _, err := os.Lstat(filepath.Join(source, name)); !errors.Is(err, fs.ErrNotExist) {
			return ""
		}
	}
	return fmt.Sprintf("the folder %s holds no site yet: there is no clause.yaml and no content/ folder.\n"+
		"Run clause init to start one here (or name the site's folder with --source); this server builds it as soon as it appears.", source)
}

// starterConfig is the clause.yaml that clause init writes.
const starterConfig = `# The site's settings. The README lists every key.
title: Example Company Privacy Center
description: How Example Company handles the information of the people who use its services.
language: en
contact: privacy@example.com
groups:
  - id: privacy
    title: Privacy
footer:
  - title: Contact us
    url: mailto:privacy@example.com
# base_url: https://privacy.example.com/   # set it when you publish
`

// starterPolicy is the policy that clause init writes; DATE becomes
// today's date.
const starterPolicy = `---
title: Privacy Policy
description: What Example Company collects when you use its services, why, and the choices you have.
group: privacy
effective: DATE
last_revised: DATE
summary: First published version.
---

This is a starter policy for a fictional company. Rewrite it for your own
services, then publish a change with clause revise privacy.

## What we collect

- **Account details** you give us: your name and email address.
- **Usage records** our servers keep: which pages were requested and when.

## Why we use it

We use account details to run your account and to answer you, and usage
records to keep the service working and secure.

## How long we keep it

Account details stay while your account is open and are deleted within 30
days after you close it. Usage records are deleted after 90 days.

## Your choices

You can ask for a copy of your information, or for its correction or
deletion, at any time.

## Contact us

Write to privacy@example.com with any question about this policy.
`
