// Package e2e holds clause's end-to-end tests: they build real sites with
// the engine and the default theme, then check the output as a whole (every
// HTML file parsed: ids, links, fragments, headings, third-party hosts) and
// drive Debian's Chromium over it with chromedp: navigation, versions,
// redirects, the 404 page, mobile layout, dark mode, print styles,
// accessibility with axe-core, screenshots and live reload in clause serve.
//
// Run them alone with:
//
//	go test ./e2e/
//
// The browser tests skip when Chromium or axe-core is missing, and
// TestMain then fails the package with a line saying what is missing, so
// that go test does not print a bare "ok"; CLAUSE_E2E_BROWSER=skip lets
// it pass. With CI=true each such test fails instead.
// scripts/install-browser-deps installs both. CHROMIUM names the browser
// (default /usr/bin/chromium); CLAUSE_E2E_NPM the folder axe-core is
// installed in (default $HOME/.cache/clause-e2e). With -update-screenshots
// the tests refresh the committed screenshots in docs/screenshots/.
package e2e
