package site

// translation reads the front matter keys of translations: lang (or
// language), translation_key, translation_of and untranslated, which
// Hugo sites write as true or as 1.
func (r reader) translation(fm *FrontMatter) {
	fm.Lang = r.str("lang")
	if fm.Lang == "" {
		fm.Lang = r.str("language")
	}
	fm.TranslationKey = r.str("translation_key")
	fm.TranslationOf = r.date("translation_of")
	f, ok := r.raw.Fields["untranslated"]
	if !ok || f.Value == nil {
		return
	}
	switch v := f.Value.(type) {
	case bool:
		fm.Untranslated = v
	case int:
		fm.Untranslated = v != 0
	case int64:
		fm.Untranslated = v != 0
	case float64:
		fm.Untranslated = v != 0
	default:
		r.typeError("untranslated", "true, false, 1 or 0", f.Value)
	}
}
