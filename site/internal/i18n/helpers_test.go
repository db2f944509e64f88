package i18n

// Languages returns the languages the theme has words for, sorted.
func Languages() []string {
	return sortedKeys(theme)
}

// Has reports whether the catalog knows key.
func (c *Catalog) Has(key string) bool {
	_, ok := c.theme[Source][key]
	if !ok {
		_, ok = c.site[Source][key]
	}
	return ok
}
