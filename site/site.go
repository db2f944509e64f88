// Package site is the clause engine: it turns a folder of Markdown policy
// files into a static privacy center.
//
// A build flows in four steps: load (read clause.yaml and every content
// file, parse front matter), assemble (compute URLs, check collisions,
// resolve links, group policies), render (Markdown through
// site/markdown, then Go html/template layouts) and write (into a fresh,
// marked and locked temporary folder that replaces the destination
// atomically where the system can exchange two folders; see commit).
//
// # Content
//
// Every file ending in .md or .markdown under content/ is a page.
// content/_index.md, when present, supplies the home page's title,
// description and intro text. Other files under content/ (images, PDFs)
// are copied to the output at the same relative path. Files and folders
// whose names start with "." or "_" (other than _index.md) are ignored.
//
// # Front matter
//
// Front matter is YAML (from a "---" line to a "---" or, as in Jekyll,
// "..." line), TOML (between "+++" lines)
// or JSON (an object followed by a blank line, or between ";;;" lines).
// A file without front matter is valid. These keys are understood:
//
//	title          the page title; falls back to the first heading, then to
//	               the file name made readable ("cookie-policy" → "Cookie policy")
//	description    one sentence for the home page, <meta name="description"> and feeds
//	permalink      the page's URL, used as given (Jekyll)
//	url            the same as permalink (Hugo)
//	slug           replaces the last path segment of the derived URL (Hugo)
//	redirect_from  a string or list of old URLs that must keep working (Jekyll)
//	aliases        a list of old URLs (Hugo); one without a leading "/" is
//	               relative to the folder of the page's URL, as in Hugo
//	toc            true or false: show a table of contents (default from clause.yaml)
//	layout         the template: layouts/<layout>.html (default policy.html)
//	group          the home page group this policy belongs to
//	weight         sort order within the group (lower first)
//	draft          true keeps the page out of the build unless --drafts is given
//	last_revised   when the text last changed; also read from last_modified_at,
//	               lastmod or date, in that order of preference
//	effective      when the policy takes effect
//	summary        a one-line summary of this version's changes
//
// Any other key is kept and reaches templates as .Params. Dates are
// YYYY-MM-DD, RFC 3339 or YAML timestamps from 1900 on; an unreadable
// date is an error. A key defined twice is an error in every format. A
// lone carriage return ends a line, as in CommonMark.
//
// # URLs
//
// A permalink is used as given. One ending in ".html" is written as
// exactly that file (/privacy.html → privacy.html); one ending in "/"
// becomes …/index.html; any other gets a trailing slash. Without a
// permalink, the URL comes from the file's path: content/legal/privacy.md
// becomes /legal/privacy/, content/legal/index.md becomes /legal/. A
// permalink must start with "/" and contain no "..", "//", query,
// fragment, backslash or control characters; no segment may be longer
// than 255 bytes (a file name) nor the path longer than 2,048 bytes,
// which is checked while assembling, so check and build agree. Two pages
// that claim one output path are an error naming both files.
//
// Relative links to other content files ([terms](terms.md),
// ../privacy/index.md#cookies) are rewritten to that page's URL; a link
// to a missing content file is an error. Relative links and images to
// other files under content/ become those files' URLs, and one to a file
// that does not exist is left as written. A version file's relative links
// resolve from the policy's current file.
//
// # Errors
//
// Every problem is reported as "path:line: message", all of them at once,
// sorted; a build with errors writes nothing and leaves the previous
// output exactly as it was.
package site
