// Package i18n holds the theme's own words — "Last revised", "On this
// page", the banners of upcoming and archived versions — in many
// languages, and formats dates in each language's way.
//
// # Catalog
//
// The words are stored as one YAML file per language in words/, embedded
// in the binary: en, de, fr, es, it, nl, pt, pl, cs, ja, zh, ru, he and
// ar. Each file maps a key to a message. A message is a string, or, for
// a message that counts something, a mapping from CLDR plural categories
// (zero, one, two, few, many, other; other is required) to strings:
//
//	last_revised: "Last revised {date}"
//	version_count:
//	  one: "{count} version"
//	  other: "{count} versions"
//
// English is the source: every key exists in en.yaml, and a key missing
// from another language falls back to English. A language is looked up
// as written (pt-BR), then by its base (pt), then in English. A site
// overrides or adds words with files of the same form; see Catalog.With.
//
// # Message syntax
//
// A message is plain text with two kinds of markup:
//
//   - {name} is replaced by the value given for name. A string is
//     inserted as text, an integer in digits, a date (anything with a
//     Time() time.Time method) in the language's long date format, and,
//     in HTML, inside <time datetime="YYYY-MM-DD">.
//   - [text](name) marks text as a link whose address is the value given
//     for name; with a Wrap value instead, the text is wrapped in that
//     element (<ins>, <del>, <strong>, <em> or <mark>). In plain text the
//     markup is dropped and the text kept.
//
// Anything else, a lone bracket or brace included, is literal text. The
// value named count chooses the plural form, by the language's CLDR rules
// (golang.org/x/text/feature/plural).
//
// # Dates
//
// FormatDate writes a date in the language's CLDR long format — 1 March
// 2026, 1. März 2026, 2026年3月1日 — from the CLDR data of
// github.com/go-playground/locales. Machine-readable dates (datetime
// attributes, feeds, the sitemap, policies.json) are not this package's
// concern: they stay ISO 8601.
//
// # Direction
//
// Dir returns rtl for the languages written right to left (he, ar, fa,
// ur, yi, ps, dv, ckb) and ltr for every other.
package i18n
