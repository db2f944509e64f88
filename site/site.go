// Package site is the clause engine: it turns a folder of Markdown policy
// files into a static privacy center.
//
// # Phases
//
// A build is four phases, each a function of the value the one before
// made; phases (build.go) calls them for build, serve and check alike,
// and each phase's files are named after it (load*.go, assemble*.go,
// render*.go). Every phase reports to
// one error list and keeps going, so one run reports every problem.
//
//   - load(ctx, opts, src, errs) *input reads the site and decides
//     nothing: clause.yaml with --base-url or CLAUSE_BASE_URL applied,
//     the moment that decides what is current (--now, SOURCE_DATE_EPOCH
//     or the clock), the content listing, every Markdown file parsed, the
//     layouts and the assets of the site and the theme, read and hashed,
//     and the site's words files (i18n/*.yaml) over the theme's words.
//     The other content files are only checked (a Jekyll template is left
//     out); render reads each as it copies it, so they are never all in
//     memory, and reads a Markdown body again as it renders it.
//   - assemble(in, errs) *model decides: the home page, the policies and
//     their versions (from version files or git history, which is the
//     only thing it reads), their status, groups, order, URLs and layouts,
//     the output path every file claims, the redirects resolved (with the
//     sections that moved), .Site and the next date the output changes.
//     Nothing is written.
//   - render(ctx, m, out, errs) *renderer turns the model into files in
//     out: every policy's page, version pages, redlines, history and
//     feed, its published texts and embed page (see Records), the
//     redirect stubs and host files, the home, 404 and
//     changelog pages, the changelog feed, sitemap.xml, robots.txt,
//     policies.json, the assets and the content files copied as they are.
//   - write (site/internal/write, whose package doc is the spec of the
//     output guarantees) puts the files into a fresh, marked and locked
//     temporary folder that replaces the destination atomically where the
//     system can exchange two folders; serve and check keep them in memory.
//
// # Content
//
// The content folder is content/ unless clause.yaml sets content_dir:
// a relative folder such as Policies, or "." for the source folder
// itself, as a Jekyll repository keeps its pages. An absolute path or
// one that leaves the source is an error in clause.yaml.
//
// Every file ending in .md or .markdown in the content folder is a page.
// _index.md (Hugo) or index.md (Jekyll) directly in it, when present,
// supplies the home page's title, description and intro text; having
// both is an error. Other files (images, PDFs) are copied to the output
// at the same relative path. Editor and system junk (4913, *.swp, *~,
// Thumbs.db; see isJunk) is never published, as the dev server's watcher
// ignores it. Files and folders whose names start with
// "." or "_" (other than _index.md) are ignored, and so is everything
// the exclude globs match: by default README*, LICENSE*, LICENCE*,
// CODE_OF_CONDUCT*, CONTRIBUTING*, Gemfile, Gemfile.lock, package.json,
// package-lock.json, yarn.lock and the folders .github/, node_modules/,
// vendor/, _site/, .jekyll-cache/ and .sass-cache/; with content_dir "."
// also clause.yaml, layouts/, assets/ and i18n/. The destination and any folder
// holding a build's .clause-output marker are never read. A user's
// exclude adds to the defaults; include re-admits a file or folder that
// a default, exclude or the "."/"_" rule leaves out. A glob uses
// path.Match syntax and is matched against the path below the content
// folder: one ending in "/" matches folders only, one with another "/"
// is anchored at the content folder, one without matches a name at any
// depth.
//
// Symbolic links are followed when they lead inside the source folder
// (to files or folders; relative targets resolve from the link's
// folder). A link that leads outside it, an absolute, a dangling or a
// looping one is skipped with a warning. The same holds in layouts/ and
// assets/ (see walkLayers), and for those two folders themselves. A build
// reads the source folder through os.Root, so nothing leads out of it; on
// Linux sourceFS opens each file and folder with one openat2 call
// (RESOLVE_BENEATH) and falls back to os.Root whenever that fails.
//
// clause new and clause revise find a policy in the same model: they run
// the build's load and assemble steps (scaffold_model.go), so the policy
// privacy is the file the build reads as privacy (policies.json's id),
// whatever content_dir, include, exclude and links say.
//
// # Language
//
// Every page has a language, Page.Lang (clause.yaml's language:, en by
// default), and its direction, Page.Dir (rtl for he, ar, fa, ur, yi, ps,
// dv and ckb). The theme's words and dates come from package
// site/internal/i18n in that language: layouts call T, H and date
// (render.go's funcs); the words render writes itself (page and feed
// titles, the TOC's changed note, the redline's hidden labels) and the
// Markdown renderer's heading-anchor label use the same catalog. A
// site's i18n/<lang>.yaml files override or add words; load reads them
// (readWords), and a bad file or an unknown key is an error positioned in
// it. Machine-readable dates stay ISO. A layout's partialCached executes
// a partial once per build, language (the page's Site, Lang and Dir) and
// list of variants, and reuses the output (templates_cached.go): the
// default theme's footer and, above 40 policies, its menu are made so,
// through partials of their own, so that a site's header.html or
// footer.html still runs on every page.
//
// # Front matter
//
// Front matter is YAML (from a "---" line to a "---" or, as in Jekyll,
// "..." line), TOML (between "+++" lines)
// or JSON (an object followed by a blank line, or between ";;;" lines).
// Package site/internal/frontmatter finds and decodes it for the build,
// clause revise and the benchmark corpus alike; its doc is the syntax.
// Front matter over 256 KB, or nested deeper than 32 levels of lists and
// tables, is an error before it is decoded (TOML is decoded by go-toml,
// whose cost grows linearly with nesting); so is a YAML alias bomb.
// A file without front matter is valid. These keys are understood:
//
//	title          the page title; falls back to the heading the body starts
//	               with (level 1 to 3, after blank lines and HTML comments;
//	               see site/markdown), then to the file name made readable
//	               ("cookie-policy" → "Cookie policy")
//	description    one sentence for the home page, <meta name="description"> and feeds
//	permalink      the page's URL, used as given (Jekyll)
//	url            the same as permalink (Hugo)
//	slug           replaces the last path segment of the derived URL (Hugo)
//	redirect_from  a string or list of old URLs that must keep working (Jekyll);
//	               one with a #fragment (/guidelines#impersonation) names a
//	               section that became this page: a script on the page at
//	               its path, or a stub listing the moved sections where no
//	               page is, sends that fragment here
//	aliases        a list of old URLs (Hugo); one without a leading "/" is
//	               relative to the folder of the page's URL, as in Hugo
//	redirect_to    the page is only a redirect, to a site path or an http(s)
//	               URL; its redirect_from and aliases go there too
//	toc            true or false: show a table of contents (default from clause.yaml)
//	layout         the template: layouts/<layout>.html (default policy.html)
//	group          the home page group this policy belongs to
//	weight         sort order within the group (lower first)
//	draft          true keeps the page out of the build unless --drafts is given
//	last_revised   when the text last changed; also read from last_modified_at,
//	               lastmod or date, in that order of preference
//	effective      when the policy takes effect
//	summary        a one-line summary of this version's changes
//	lang           the text's language, one of clause.yaml's languages
//	               (also language); see Languages
//	translation_key  matches translations whose paths differ
//	translation_of   the effective date of the version of the default
//	               language's text that this translation translates
//	untranslated   true or 1: a stub in another language that is no page
//	changes        a list of the points that changed
//	material       true marks a material change, which needs notice
//	announced      when the change was announced (see notice.go)
//	notice_days    this version's notice period, over its group's and the site's
//	kind           privacy makes the policy a privacy policy for check's
//	               yearly-review rule (see isPrivacyPolicy)
//
// Any other key is kept and reaches templates as .Params; clause check
// warns about one a typo away from a key above (see misspelledKeys). Dates are
// YYYY-MM-DD, RFC 3339 or YAML timestamps from 1900 on; an unreadable
// date is an error. A key defined twice is an error in every format. A
// lone carriage return ends a line, as in CommonMark.
//
// # Notice periods and the subprocessor register
//
// notice_days (clause.yaml, a group, or a version's front matter, the
// most specific winning) is the notice a material change needs: assemble
// dates each version's announcement (announced:, else in history mode
// the first commit that gave its effective date, else last_revised) and
// reports one announced too late, as an error while it is upcoming or
// in force for fewer than notice_days days and a warning after that
// (notice.go). clause announce
// (announce.go) is a client of the model that renders a version and the
// one before it to list the sections their redline marks.
//
// data/subprocessors.yaml, in the source folder, is the subprocessor
// register, read by load (subprocessors.go) and hashed into the shape.
// {{ site.subprocessors }} in a text stands for a Markdown table of the
// entries in force on that version's effective date, so each version
// shows its own list; render writes subprocessors.xml, the Atom feed of
// its additions and removals (render_subprocessors.go).
//
// # Dates in the text
//
// When the front matter has none of effective, last_revised,
// last_modified_at, lastmod and date, the dates are read from the top of
// the body (see textdate.go): its first 40 lines, up to its second section
// heading (an opening first-level heading is the title, not a section),
// outside code and HTML comments. The first line of each kind counts:
// "Effective …" gives effective, "Last updated/revised/modified …" gives
// last_revised, written as "Last updated: April 20, 2023" (also in
// emphasis, a heading, a list item or a quote), "Last modified on
// 2024-02-01", or "Effective May 4, 2026" when a whole date follows the
// label. A kramdown attribute list with datetime="2026-05-04", at the end
// of the line or on the next, gives the date, the text only which date it
// is; the page renders that text in a <time> element. Month and year only
// give the first of the month, with a warning. The dates are set on the
// Source's FrontMatter, so the page, the changelog, the feeds,
// policies.json and history from git all use them; Source.TextDates keeps
// where each came from, and clause check reports it with severity info.
//
// # URLs
//
// A permalink is used as given. One ending in ".html" is written as
// exactly that file (/privacy.html → privacy.html); one ending in "/"
// becomes …/index.html; any other gets a trailing slash. Without a
// permalink, the URL comes from the file's path: content/legal/privacy.md
// becomes /legal/privacy/, content/legal/index.md becomes /legal/ (paths
// are relative to the content folder). A
// permalink must start with "/" and contain no "..", "//", query,
// fragment, backslash or control characters; no segment may be longer
// than 255 bytes (a file name) nor the path longer than 2,048 bytes,
// which is checked while assembling, so check and build agree. Two pages
// that claim one output path are an error naming both files, and so are
// two output paths that differ only in letter case or Unicode
// normalisation (see foldPath): macOS and Windows store them as one file.
//
// In the code, a site path is a URL below the base path (/privacy/: what
// output files, claims, links and redirects use) and a permalink is the
// root-relative URL with it (/policies/privacy/: Page.Permalink,
// Version.Permalink, what templates link to). Every site-wide file is
// written below the base path, robots.txt too, although crawlers read
// robots.txt only at the root of a host: check notes that with severity
// info (check_robots.go) when the base path is not empty.
//
// Relative links to other content files ([terms](terms.md),
// ../privacy/index.md#cookies) are rewritten to that page's URL; a link
// to a missing content file is an error; one to a file that could not
// be loaded is not, since that file's own error is the cause. Relative links and images to
// other files under content/ become those files' URLs, and one to a file
// that does not exist is left as written. A version file's relative links
// resolve from the policy's current file.
//
// # History from git
//
// With history: git, a policy's earlier versions come from the commits
// that touched its file, following renames. A commit is a change only
// when it changes the body: the text after the front matter, compared as
// the words of each paragraph (a run of lines that are not blank), so
// front-matter edits, renames, moves into content/ and white-space fixes
// are not. Each text is dated by its effective (or last-revised) date or,
// failing that, by the UTC day of the commit that made it; texts of one
// date are one version, the latest text winning. history_since in
// clause.yaml leaves out older commits. A revision is labelled with its
// path then and its commit, content/privacy.md@1a2b3c4, and every problem
// found at such a label is a warning: history cannot be edited.
// Policies' histories are parsed in parallel, one policy per worker,
// while as many goroutines read the next policies' texts from git ahead
// of them, each through its own git cat-file process
// (assemble_git_prefetch.go, gitlog.Blobs), which also serve the texts
// read again while rendering; the site and its warnings do not depend on
// the number of workers (a test builds with one, two and four).
//
// # Languages
//
// With languages: in clause.yaml (codes checked and made canonical by
// golang.org/x/text/language; see config_languages.go), assemble gives
// every source a language and a path without it (sourceLanguage): a
// first folder named after a listed code, a .<code>.md suffix, or front
// matter lang, which wins; without languages: every source is in the one
// language at its own path, and the output is what it always was. Every
// text in a language is a policy of its own, with its own versions, URL
// below /<code>/ (the default language at the root unless
// default_language_in_subdir) and place in its language's groups, home,
// changelog and feed. Policies with one translation key (translation_key
// or the path without the language) are translations of one another
// (linkTranslations); each version of a translation translates the
// version of the default language's policy in force on its
// translation_of date or, with history: git, on the date its text
// changed, and is stale when a later version of the source is in force.
// A stub (an empty body, or untranslated) in another language becomes a
// copy of the default language's page at the stub's URL, with a notice.
// Every page gets Lang, Dir and Translations (the language switcher and
// hreflang alternates) when it is finished; the sitemap, policies.json
// (the default language's policies, each version with its translations)
// and check (check_translations.go) read the same model.
//
// # Records
//
// Beside each version's page (the policy's page for a policy with one
// version) the render phase publishes the version's text: index.md, the
// Markdown goldmark parsed (the body as written, without front matter,
// Liquid variables substituted, as the page shows them), and index.txt,
// its plain-text form written from the goldmark tree (see
// site/markdown's plaintext.go), the title first: the renderer writes
// the title (markdown.Page.TextHead) and the text into one buffer, which
// is index.txt, and each section's text is a piece of it, so neither is
// copied. assemble_records.go
// decides and claims their paths and the embed page's,
// <policy>/embed/. In policies.json, sha256 is the hash of index.md
// (source_sha256 that of the source file), and each version lists its
// sections: a top-level heading and what follows up to the next one,
// hashed as its part of index.txt (markdown.Section).
//
// Section ids survive edits (render_sectionids.go): rendering a
// policy's versions oldest first, the redline between each two matches
// renamed sections (redline.Section.OldID), and every earlier id of a
// section is written on each later page as an empty element before its
// heading, never an id the page has; policies.json calls them
// former_ids. An id of the previous version that the newest text lost
// without a successor, or a block given it with {: #id}, is kept for the
// linter, which warns about it. A policy's records are computed by its
// render; when its pages come from the dev server's memo, the records
// stored under the same key are used (policyRecords), made again from
// the texts if they were dropped.
//
// A build keeps a policy's records only until its entry in policies.json
// is written (render_manifest_stream.go): one goroutine writes the file
// while the policies render, in the policies' order, each entry once the
// units of the policy and of its translations have finished, and the
// units are rendered in that order, so only the records of the units in
// hand are held. The file does not depend on the order the units finish
// in. The redirect stubs too are written one by one as they are rendered
// (redirect.Emit). The dev server, whose memo keeps the files, writes
// both after rendering them all.
//
// The embed page is the current text in layouts/embed.html, noindex and
// out of the sitemap, for assets/js/clause-embed.js to insert into an
// app's page; where the site writes Netlify or Cloudflare Pages rules,
// _headers lets other origins fetch it (render_headers.go).
//
// # Check
//
// Check (check*.go) is a client of the build: it builds the site in
// memory with Options.texts set, so that the render phase keeps what the
// linter reads of each text of the working tree it renders (its links
// with their positions, headings, the URLs its HTML follows or fetches
// and its raw-HTML blocks; see renderMarkdown), and then lints a
// lintInput: those texts, the site model (config, policies, versions,
// redirects, output claims) and the built files. The linter never
// renders a text again and reads nothing of the model but the lintInput.
//
// # Errors
//
// Every problem is reported as "path:line: message" or
// "path:line:col: message", all of them at once, sorted; columns are
// 1-based byte columns in every format, as go/scanner counts (see
// frontmatter.ByteColumns);
// a build with errors writes nothing and leaves the previous output
// exactly as it was. Every package reports one type, diag.Diagnostic
// (site/internal/diag): path, line, byte column, a typed severity (error,
// warning, info), message and hint; Error, ErrorList and BuildError are
// its aliases here, and the text, JSON and GitHub formats of clause check
// and the serve overlay are all written from it. The helpers on URL paths
// (file or folder, output file, escaping, scheme, and the checks every
// permalink and redirect source passes) live once, in
// site/internal/urlpath.
//
// # Incremental rebuilds
//
// The dev server's session (session.go) rebuilds in memory and keeps two
// kinds of work between builds (cache.go). Inputs (the content listing,
// parsed sources, copied files) are kept by path until the watcher
// reports a change there; the listing is then listed again at those
// paths only (load_listing_patch.go). Everything derived from them goes through one
// memo owned by the session (site/internal/memo): the parsed templates,
// the resolved redirects and their files, each policy's pages, the
// site-wide pages and policies.json, each stored under a key hashed from
// the values the stage is given (cache_keys.go). Keys are not listed by
// hand: the shape, computed once per build at the end of assemble,
// hashes the input and model that render reads (the sources the pages
// are made of, each by a key computed once per changed file, the rest of
// the site data, configuration, layouts, assets, redirects and what
// "now" decides; with history: git, each page, whose versions come from
// git) whole, by reflection, so a field added to any of them counts;
// only the texts are left out (tagged memo:"-") and added by the stages
// that render them, so editing one policy's text re-renders that policy
// only, and so is "now" itself where a feed gives it in place of a later
// date, as the build's day (feedClock). A build reads and writes through its own view of the memo; a
// failed build never evicts what the last good build used, so fixing the
// error re-renders nothing that did not change; what a failed build
// rendered is dropped, so between builds the memo holds one build's
// entries. clause build and clause check have no memo: they compute no
// shape and no key (memo.Do calls a stage's key function only with a
// view).
//
// The pages that browsers show come first (serve_first.go): the live
// reload script names its page, and a dev server build renders the units
// that make those pages before the rest, publishes them with the assets
// and copied files (devserver.Server.PublishFirst), and then renders the
// rest of the site, pausing while requests are answered (300 ms per
// build at most). A request for a file that the first files lack asks
// the build for it (serve_demand.go): the unit that makes it is rendered
// at once in the request's goroutine, or published as soon as the worker
// at it is done, with every file the build has written so far
// (devserver.Server.PublishMore); a file of no unit (policies.json, a
// redirect stub) waits for the whole build, so no response mixes two
// builds. Publishing stops at the build's first error. A build that has
// errors before rendering shows them at once and renders on to find the
// rest.
package site
