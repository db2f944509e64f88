//go:build tools

package clause

import (
	_ "github.com/adrg/frontmatter"
	_ "github.com/chromedp/chromedp"
	_ "github.com/fsnotify/fsnotify"
	_ "github.com/sergi/go-diff/diffmatchpatch"
	_ "github.com/yuin/goldmark"
	_ "golang.org/x/net/html"
	_ "gopkg.in/yaml.v3"
)
