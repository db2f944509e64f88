package importer

import (
	"errors"
	"testing"
)

func TestParseDate(t *testing.T) {
	good := map[string]string{
		"January 5, 2024":         "2024-01-05",
		"Jan. 5th, 2024":          "2024-01-05",
		"january 5 2024":          "2024-01-05",
		"5 January 2024":          "2024-01-05",
		"5th of January, 2024":    "2024-01-05",
		"Friday, 5 January 2024":  "2024-01-05",
		"Sept 30, 2023":           "2023-09-30",
		"2024-01-05":              "2024-01-05",
		"2024/1/5":                "2024-01-05",
		"2024-01-05T10:00:00Z":    "2024-01-05",
		"13/01/2024":              "2024-01-13",
		"01/13/2024":              "2024-01-13",
		"05.01.2024":              "2024-01-05",
		"03/03/2024":              "2024-03-03",
		"  December 31, 1999.  ":  "1999-12-31",
		"Wednesday, May 1st 2024": "2024-05-01",
	}
	for in, want := range good {
		got, err := ParseDate(in)
		if err != nil || got.Format("2006-01-02") != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	bad := map[string]error{
		"January , 2024":    ErrNoDay,
		"January 2024":      ErrNoDay,
		"01/05/2024":        ErrAmbiguous,
		"5-1-2024":          ErrAmbiguous,
		"February 30, 2024": ErrUnreadable,
		"2024-13-01":        ErrUnreadable,
		"soon":              ErrUnreadable,
		"":                  ErrUnreadable,
		"Smarch 5, 2024":    ErrUnreadable,
	}
	for in, want := range bad {
		_, err := ParseDate(in)
		if !errors.Is(err, want) {
			t.Errorf("ParseDate(%q) error = %v; want %v", in, err, want)
		}
	}
	_, err := ParseDate("01/05/2024")
	var de *DateError
	if !errors.As(err, &de) || de.Detail != "5 January 2024 or 1 May 2024" {
		t.Errorf("ambiguous detail: %v", err)
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct {
		line  string
		field DateField
		value string
	}{
		{"Last Revised: January , 2024", LastRevised, "January , 2024"},
		{"last updated: 5 March 2025", LastRevised, "5 March 2025"},
		{"**Last updated:** 5 March 2025", LastRevised, "5 March 2025"},
		{"_Last updated: 5 March 2025_", LastRevised, "5 March 2025"},
		{"*Effective date*: 2025-03-05", Effective, "2025-03-05"},
		{"Effective Date: March 5, 2025.", Effective, "March 5, 2025"},
		{"Effective as of March 5, 2025", Effective, "March 5, 2025"},
		{"> Last modified on 2025-03-05", LastRevised, "2025-03-05"},
		{"### Last-Updated: 2025-03-05", LastRevised, "2025-03-05"},
		{"- Last updated: 2025-03-05", LastRevised, "2025-03-05"},
		{"+ **Effective date:** 2025-03-05", Effective, "2025-03-05"},
		{"2. Effective date: 2025-03-05", Effective, "2025-03-05"},
		{"Last updated on: 2025-03-05", LastRevised, "2025-03-05"},
	}
	for _, tt := range tests {
		f, v, ok := DateLine(tt.line)
		if !ok || f != tt.field || v != tt.value {
			t.Errorf("DateLine(%q) = %q, %q, %v; want %q, %q", tt.line, f, v, ok, tt.field, tt.value)
		}
	}
	for _, line := range []string{
		"Effective immediately, we no longer sell data.",
		"The last updated version applies.",
		"Effective date: the date on which these terms were accepted by you or your employer.",
		"We last updated this policy on 5 March 2025.",
	} {
		if f, v, ok := DateLine(line); ok {
			t.Errorf("DateLine(%q) = %q, %q; want no match", line, f, v)
		}
	}
}

func TestBareDateLine(t *testing.T) {
	tests := []struct {
		line  string
		field DateField
		value string
	}{
		{"Effective May 4, 2026", Effective, "May 4, 2026"},
		{"*Last updated 2 June 2025*", LastRevised, "2 June 2025"},
		{"## Effective date 2025-06-02.", Effective, "2025-06-02"},
		{"Last revised June 2025", LastRevised, "June 2025"},
		{"Last Updated - June 2, 2025", LastRevised, "June 2, 2025"},
		{"Effective date — 2025-06-02", Effective, "2025-06-02"},
	}
	for _, tt := range tests {
		f, v, ok := BareDateLine(tt.line)
		if !ok || f != tt.field || v != tt.value {
			t.Errorf("BareDateLine(%q) = %q, %q, %v; want %q, %q", tt.line, f, v, ok, tt.field, tt.value)
		}
	}
	for _, line := range []string{
		"Effective immediately, we no longer sell data.",
		"Effective communication matters to us.",
		"Last updated by the legal team.",
		"Effective January , 2024",
	} {
		if f, v, ok := BareDateLine(line); ok {
			t.Errorf("BareDateLine(%q) = %q, %q; want no match", line, f, v)
		}
	}
}

func TestDateKind(t *testing.T) {
	tests := map[string]DateField{
		"Effective May 4, 2026":               Effective,
		"This policy was last updated on":     LastRevised,
		"Revised, and effective from 4 May":   LastRevised,
		"*Modified*":                          LastRevised,
		"Policy effective as of (see below).": Effective,
	}
	for text, want := range tests {
		if got, ok := DateKind(text); !ok || got != want {
			t.Errorf("DateKind(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	for _, text := range []string{"Published May 4, 2026", "Effectiveness"} {
		if got, ok := DateKind(text); ok {
			t.Errorf("DateKind(%q) = %q; want none", text, got)
		}
	}
}

func TestParseMonthYear(t *testing.T) {
	for in, want := range map[string]string{"June 2025": "2025-06-01", "Jun. 2025": "2025-06-01", "june, 2025": "2025-06-01", " Sept 2024 ": "2024-09-01"} {
		if got, ok := ParseMonthYear(in); !ok || got.Format("2006-01-02") != want {
			t.Errorf("ParseMonthYear(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"January , 2024", "June 4, 2025", "Smarch 2025", "2025-06", "June 25"} {
		if got, ok := ParseMonthYear(in); ok {
			t.Errorf("ParseMonthYear(%q) = %v; want no date", in, got)
		}
	}
}
