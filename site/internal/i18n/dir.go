package i18n

import "strings"

// rtlLanguages are the base languages written right to left.
var rtlLanguages = map[string]bool{"he": true, "ar": true, "fa": true, "ur": true, "yi": true, "ps": true, "dv": true, "ckb": true}

// Dir returns the text direction of the language lang (a BCP 47 code
// such as he or ar-EG): "rtl" or "ltr".
func Dir(lang string) string {
	if rtlLanguages[base(lang)] {
		return "rtl"
	}
	return "ltr"
}

// base returns the language subtag of a BCP 47 code, lower case: pt for
// pt-BR, zh for zh_Hant.
func base(lang string) string {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		return lang[:i]
	}
	return lang
}

// normalize returns lang in the form the catalog keys its languages by:
// lower case, with "-" between subtags (pt-br, zh-hant).
func normalize(lang string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(lang)), "_", "-")
}
