package importer

import (
	"strings"
	"testing"
)

// convertTextBody converts a plain-text policy titled "Privacy Policy"
// and returns its Markdown body.
func convertTextBody(t *testing.T, body string) string {
	t.Helper()
	res, err := Convert([]byte("Privacy Policy\n\n"+body), Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(res.Markdown)
	return md[strings.Index(md[3:], "---\n")+8:]
}

func TestTextHeadingsInsideBlocks(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		not       []string
	}{
		{"numbered and ALL-CAPS headings after a sentence",
			"3. SHARING\nWe share.\n4. RETENTION\nWe keep.\nSECURITY\nWe protect.\n",
			[]string{"## 3. SHARING\n\nWe share.\n\n## 4. RETENTION\n\nWe keep.\n\n## SECURITY\n\nWe protect.\n"}, nil},
		{"a subsection right under its section",
			"Intro.\n\n2. DATA\n2.1 Data you give us\nWe collect it.",
			[]string{"## 2. DATA\n\n### 2.1 Data you give us\n\nWe collect it."}, nil},
		{"a heading after a numbered list",
			"You may ask us to:\n1. access your data,\n2. delete it.\n5. CONTACT\nWrite to us.",
			[]string{"1. access your data,\n2. delete it.\n\n## 5. CONTACT\n\nWrite to us."}, nil},
		{"a list of short capitalised items",
			"You may ask for:\n1. Access\n2. Correction\n3. Deletion",
			[]string{"You may ask for:\n\n1. Access\n2. Correction\n3. Deletion"}, []string{"## "}},
		{"items that are sentences",
			"We collect:\n1. We collect your name.\n2. Access",
			[]string{"1. We collect your name.\n2. Access"}, []string{"## "}},
		{"an item continued on an indented line",
			"Steps:\n1. Access.\n   You get a copy.\n2. Correction",
			[]string{"1. Access. You get a copy.\n2. Correction"}, []string{"## "}},
		{"lower-case and long items",
			"Processors:\n1. hosting, in the EU\n2. Payments, handled by our payment provider under a separate contract with its own terms",
			[]string{"1. hosting, in the EU\n2. Payments,"}, []string{"## "}},
		{"a line of prose wrapped before capitals",
			"We share your data with\nACME INC\nand its affiliates.",
			[]string{"We share your data with\nACME INC\nand its affiliates."}, []string{"## "}},
		{"an ALL-CAPS disclaimer",
			"Read this.\nTHE SERVICE IS PROVIDED AS IS\nWITHOUT WARRANTY. TO THE EXTENT\nPERMITTED BY LAW",
			nil, []string{"## "}},
		{"a bullet in capitals",
			"We collect:\n• NAMES",
			[]string{"- NAMES"}, []string{"## "}},
	}
	for _, tt := range tests {
		md := convertTextBody(t, tt.src)
		for _, w := range tt.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: want %q in\n%s", tt.name, w, md)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(md, w) {
				t.Errorf("%s: %q should not be in\n%s", tt.name, w, md)
			}
		}
	}
}

func TestTextDateWithoutColon(t *testing.T) {
	res, err := Convert([]byte("Privacy Policy\nLast updated 2 March 2026\nEffective May 4, 2026\n\nEffective immediately, we keep less.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2026-03-02 2026-05-04" {
		t.Errorf("dates typed without a colon: %s", got)
	}
	if md := string(res.Markdown); strings.Contains(md, "May 4") || !strings.Contains(md, "\nEffective immediately, we keep less.\n") {
		t.Errorf("body:\n%s", md)
	}
}

func TestTextDatesOnOneLine(t *testing.T) {
	res, err := Convert([]byte("Privacy Policy\nLast updated: March 1, 2025 | Effective: April 1, 2025\n\nWe keep little.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.LastRevised.Format("2006-01-02") + " " + res.Effective.Format("2006-01-02"); got != "2025-03-01 2025-04-01" {
		t.Errorf("two dates on one line: %s\n%s", got, res.Markdown)
	}
}
