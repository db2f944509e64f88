package markdown

import (
	"strings"
	"testing"
)

// TestDisplayWidth checks the columns of Latin, accented, combining,
// right-to-left and East Asian text.
func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{
		"Privacy":          7,
		"Données":          7,
		"Donne\u0301es":    7, // e and a combining acute accent
		"פרטיות":           6,
		"個人情報の取り扱い":        18,
		"隐私政策":             8,
		"ﾌﾟﾗｲﾊﾞｼｰ":         8, // half-width katakana take one column
		"Ｆｕｌｌ":             8,
		"Section 3: 第三者提供": 21,
	} {
		if got := DisplayWidth(s); got != want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestWideHeadingUnderline checks that the underline of a heading in East
// Asian script spans it in the plain text: two marks a character.
func TestWideHeadingUnderline(t *testing.T) {
	doc := recordOf(t, "## 個人情報\n\n本文。\n", Options{})
	if len(doc.Sections) != 1 || !strings.HasPrefix(doc.Sections[0].Text, "個人情報\n--------\n") {
		t.Errorf("sections: %+v", doc.Sections)
	}
}
