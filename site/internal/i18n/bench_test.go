package i18n

import (
	"testing"
	"time"
)

// BenchmarkHTML measures one word with a date, as the theme says it on
// every policy page.
func BenchmarkHTML(b *testing.B) {
	c := Theme()
	d := day{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.HTML("de", "last_revised", "date", d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkText measures one plain word.
func BenchmarkText(b *testing.B) {
	c := Theme()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Text("en", "on_this_page"); err != nil {
			b.Fatal(err)
		}
	}
}
