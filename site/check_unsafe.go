package site

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/clause-dev/clause/site/internal/urlpath"
	"golang.org/x/net/html"
)

// fetchAttrs lists, for each element, the attributes through which it
// makes the browser request something as the page loads.
var fetchAttrs = map[string][]string{
	"img": {"src", "srcset"}, "iframe": {"src"}, "frame": {"src"}, "script": {"src"}, "link": {"href"},
	"video": {"src", "poster"}, "audio": {"src"}, "source": {"src", "srcset"}, "track": {"src"},
	"embed": {"src"}, "object": {"data"}, "input": {"src"},
}

// navAttrs lists the attributes that a visitor follows by clicking.
var navAttrs = map[string]string{"a": "href", "area": "href", "form": "action"}

// unsafeURLs warns about links to javascript:, vbscript: and data: URLs,
// which run code or show a page the site does not control, and about
// images, frames, scripts, stylesheets and media loaded from another
// host: the theme promises visitors that the site makes no third-party
// requests.
func (c *checker) unsafeURLs(s *linted) {
	written := writtenLinks(s.Links)
	seen := map[string]int{}
	for _, u := range s.URLs {
		msg, hint := c.urlProblem(u)
		if msg == "" {
			continue
		}
		line, col := 0, 0
		if refs := written[u.value]; len(refs) > 0 {
			line, col = s.BodyLine+refs[0].Line-1, refs[0].Col // a Markdown link or image
			written[u.value] = refs[1:]
		} else {
			line, col, _ = c.locate(s, u.value, seen[u.value]) // in raw HTML
			seen[u.value]++
		}
		c.warn(s.Path, line, col, msg, hint)
	}
}

// contentURL is one URL of a rendered body, with the element and
// attribute that hold it.
type contentURL struct {
	tag, attr, value string
	fetched          bool // requested as the page loads, not followed by a click
}

// element names where the URL is written, as <img src> or <style>.
func (u contentURL) element() string {
	if u.attr == "" {
		return "<" + u.tag + ">"
	}
	return "<" + u.tag + " " + u.attr + ">"
}

// contentURLs returns the URLs that a rendered body's elements follow or
// fetch, in document order; every candidate of a srcset is one.
func contentURLs(body []byte) []contentURL {
	var out []contentURL
	z := html.NewTokenizer(bytes.NewReader(body))
	inStyle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := string(name)
			inStyle = tag == "style"
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				out = append(out, attrURLs(tag, string(k), string(v))...)
			}
		case html.TextToken:
			if inStyle {
				out = append(out, styleURLs("style", "", string(z.Text()))...)
			}
		case html.EndTagToken:
			inStyle = false
		}
	}
}

// attrURLs returns the URLs one attribute holds, if it holds any.
func attrURLs(tag, attr, value string) []contentURL {
	if attr == "style" {
		return styleURLs(tag, attr, value)
	}
	if navAttrs[tag] == attr {
		return []contentURL{{tag: tag, attr: attr, value: value}}
	}
	for _, a := range fetchAttrs[tag] {
		if a != attr {
			continue
		}
		if attr != "srcset" {
			return []contentURL{{tag: tag, attr: attr, value: value, fetched: true}}
		}
		var out []contentURL
		for _, cand := range strings.Split(value, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				out = append(out, contentURL{tag: tag, attr: attr, value: f[0], fetched: true})
			}
		}
		return out
	}
	return nil
}

// urlProblem describes what is wrong with one URL of a body, or returns "".
func (c *checker) urlProblem(u contentURL) (msg, hint string) {
	switch scheme := urlpath.BrowserScheme(u.value); {
	case scheme == "javascript" || scheme == "vbscript":
		return fmt.Sprintf("%s to a %s: URL %q: it runs code in the visitor's browser", u.element(), scheme, u.value),
			"link to a page or a file instead; a privacy page should run no code from its text"
	case scheme == "data" && !(u.fetched && safeDataImage(u.value)):
		return fmt.Sprintf("%s to a data: URL: browsers refuse to open it, and it can hold a page that imitates the site", u.element()),
			"put the file in the content folder and link to it by its path"
	case u.fetched:
		if host := c.thirdParty(u.value); host != "" {
			return fmt.Sprintf("%s loads %q from %s: the theme promises visitors no third-party requests", u.element(), u.value, host),
				"copy the file into the content folder and refer to it by its path, or link to it instead of embedding it"
		}
	}
	return "", ""
}

// safeDataImage reports whether a data: URL is a raster image, which an
// <img> shows without running anything or asking another host.
func safeDataImage(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, t := range []string{"png", "jpeg", "jpg", "gif", "webp", "avif"} {
		if strings.HasPrefix(v, "data:image/"+t+";") || strings.HasPrefix(v, "data:image/"+t+",") {
			return true
		}
	}
	return false
}

// thirdParty returns the host a URL is fetched from when it is another
// host than the site's base_url, or "".
func (c *checker) thirdParty(v string) string {
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil || u.Host == "" {
		return ""
	}
	if base, err := url.Parse(c.in.Config.BaseURL); err == nil && base.Host != "" && strings.EqualFold(base.Host, u.Host) {
		return ""
	}
	return u.Host
}
