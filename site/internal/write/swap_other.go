//go:build !linux && !darwin

package write

// systemExchange reports that this system has no atomic exchange; commit
// falls back to two renames.
func systemExchange(a, b string) error { return errNoExchange }
