package frontmatter

import (
	"bytes"
	"strconv"
)

// tomlKeys finds the top-level keys of TOML front matter that is known to
// be valid: those before the first [table] header, matching
// `key =`, `"key" =` or a dotted `key.sub =`, which defines key.
func tomlKeys(text *textIndex, _ int) map[string]keyPos {
	found := map[string]keyPos{}
	s := text.data
	for i := tomlSpace(s, 0); i < len(s) && s[i] != '['; i = tomlSpace(s, i) {
		key, j, ok := tomlKey(s, i)
		j = tomlSpaceInLine(s, j)
		if !ok || j >= len(s) || s[j] != '=' {
			break
		}
		kp := keyPos{line: text.pos(i).Line}
		j = tomlSpaceInLine(s, j+1)
		if j < len(s) && s[j] == '[' {
			kp.items, i = tomlArray(text, j)
		} else {
			i = tomlValueEnd(s, j)
		}
		if _, dup := found[key]; !dup {
			found[key] = kp
		}
	}
	return found
}

// tomlSpace skips white space, line ends and comments from s[i].
func tomlSpace(s []byte, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
			i++
		case '#':
			i = tomlLineEnd(s, i)
		default:
			return i
		}
	}
	return i
}

// tomlKey reads the key starting at s[i], returning its first part (the
// top-level key of a dotted key) and the offset just past the whole key.
func tomlKey(s []byte, i int) (string, int, bool) {
	key, i, ok := tomlKeyPart(s, i)
	first := key
	for ok {
		j := tomlSpaceInLine(s, i)
		if j >= len(s) || s[j] != '.' {
			return first, i, true
		}
		_, i, ok = tomlKeyPart(s, tomlSpaceInLine(s, j+1))
	}
	return "", i, false
}

// tomlSpaceInLine skips spaces and tabs from s[i].
func tomlSpaceInLine(s []byte, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// tomlKeyPart reads one bare or quoted part of a key starting at s[i].
func tomlKeyPart(s []byte, i int) (string, int, bool) {
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		end := tomlStringEnd(s, i)
		if s[i] == '\'' {
			return string(s[i+1 : max(end-1, i+1)]), end, end-i >= 2
		}
		key, err := strconv.Unquote(string(s[i:end]))
		return key, end, err == nil
	}
	j := i
	for j < len(s) && isBareKeyByte(s[j]) {
		j++
	}
	return string(s[i:j]), j, j > i
}

// isBareKeyByte reports whether c may appear in a bare TOML key.
func isBareKeyByte(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// tomlArray returns the position of each item of the array starting at
// s[i], and the offset just past the array.
func tomlArray(text *textIndex, i int) ([]Pos, int) {
	s := text.data
	var items []Pos
	for i = tomlSpace(s, i+1); i < len(s) && s[i] != ']'; i = tomlSpace(s, i) {
		end := tomlValueEnd(s, i)
		if end == i {
			break // not valid TOML; the decoder would have said so
		}
		items = append(items, text.pos(i))
		if i = tomlSpace(s, end); i < len(s) && s[i] == ',' {
			i++
		}
	}
	return items, min(i+1, len(s))
}

// tomlValueEnd returns the offset just past the value starting at s[i]. A
// bare value (number, date, boolean) ends before a comma, a closing
// bracket or brace, a comment or the end of the line.
func tomlValueEnd(s []byte, i int) int {
	if i < len(s) {
		switch s[i] {
		case '"', '\'':
			return tomlStringEnd(s, i)
		case '[', '{':
			return tomlNestedEnd(s, i)
		}
	}
	for i < len(s) && !bytes.ContainsRune([]byte(",]}#\r\n"), rune(s[i])) {
		i++
	}
	return i
}

// tomlNestedEnd returns the offset just past the array or inline table
// starting at s[i], skipping strings and comments inside it.
func tomlNestedEnd(s []byte, i int) int {
	for depth := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			i = tomlStringEnd(s, i) - 1
		case '#':
			i = tomlLineEnd(s, i) - 1
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return i
}
