package redirect

import (
	"strings"
	"testing"
)

func TestValidateSource(t *testing.T) {
	tests := []struct {
		in   string
		want string // substring of the message; "" means valid
	}{
		{"/docs/privacy-policy", ""},
		{"/docs/privacy-policy/", ""},
		{"/old.html", ""},
		{"/", ""},
		{"/caf%C3%A9/", ""},
		{"/café/", ""},
		{"/v1.2/notes/", ""},
		{"/a+b/", ""},
		{"", "is empty"},
		{"docs/x", `must start with "/"`},
		{"https://example.com/x", "is a full URL"},
		{"javascript:alert(1)", "is a full URL"},
		{"//evil.example.com/x", "names a host"},
		{"/a/../b", `".." segment`},
		{"/a/./b", `"." segment`},
		{"/a/%2e%2e/b", `".." segment`},
		{"/..", `".." segment`},
		{"/a?x=1", "query string"},
		{"/guidelines#impersonation", ""},
		{"/guidelines/#caf%C3%A9", ""},
		{"/a#", "empty #fragment"},
		{"/a#b#c", "more than one #"},
		{"/a#b c", "contains a space"},
		{"/a#b%20c", "contains a space"},
		{"/a#%zz", "invalid percent-encoding in its #fragment"},
		{"/a b#c", "contains a space"},
		{"/a/../b#c", `".." segment`},
		{"/a?x=1#c", "query string"},
		{`/a\b`, "backslash"},
		{"/a%5Cb", "backslash"},
		{"/a\x00b", "invisible character U+0000"},
		{"/a\nb", "invisible character U+000A"},
		{"/a%0Ab", "invisible character U+000A"},
		{"/a\u202eb", "invisible character U+202E"},
		{"/a b", "contains a space"},
		{"/a\xffb", "not valid UTF-8"},
		{"/a%zz", "invalid percent-encoding"},
		{"/a%2Fb", "encodes a slash"},
		{"/blog/:slug", `":" or "*"`},
		{"/blog/*", `":" or "*"`},
		{"/a%3Fb", "not allowed in file names"},
		{"/a%22b", "not allowed in file names"},
		{"/a//b", "empty segment"},
	}
	for _, tc := range tests {
		err := validateSource(tc.in, false)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("validateSource(%q) = %v, want nil", tc.in, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("validateSource(%q) = %v, want error containing %q", tc.in, err, tc.want)
		}
	}
}

func TestValidateTarget(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"/privacy/", ""},
		{"/privacy/#cookies", ""},
		{"/terms/?ref=old", ""},
		{"/", ""},
		{"https://status.example.com/", ""},
		{"HTTP://example.com", ""},
		{"", "is empty"},
		{"privacy/", `must start with "/"`},
		{"//example.com/x", "has no scheme"},
		{"javascript:alert(1)", "javascript: scheme"},
		{"JavaScript:alert(1)", "javascript: scheme"},
		{"ftp://example.com/", "ftp: scheme"},
		{"data:text/html,<script>", "data: scheme"},
		{"mailto:dpo@example.com", "mailto: scheme"},
		{"https://", "not a valid URL"},
		{"https:/x", "not a valid URL"},
		{" javascript:alert(1)", "contains a space"},
		{"/a/../b", `".." segment`},
		{"/a b", "contains a space"},
		{"/a\tb", "invisible character"},
		{`/a\b`, "backslash"},
		{"/a%zz", "invalid percent-encoding"},
	}
	for _, tc := range tests {
		err := validateTarget(tc.in)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("validateTarget(%q) = %v, want nil", tc.in, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("validateTarget(%q) = %v, want error containing %q", tc.in, err, tc.want)
		}
	}
}

// TestValidateDerivedSource checks that a source clause derives from a
// file name may hold the percent-encoded spaces of that name, while the
// same source written by hand is rejected as before.
func TestValidateDerivedSource(t *testing.T) {
	for _, tc := range []struct {
		in          string
		derived     bool
		wantProblem string
	}{
		{"/Privacy%20Policy/", true, ""},
		{"/Privacy%20Policy/", false, "contains a space"},
		{"/datenschutzerkl%C3%A4rung/", true, ""},
		{"/100%25/", true, ""},
		{"/Privacy Policy/", true, "contains a space"}, // derived sources arrive encoded
		{"/a%0Ab/", true, "invisible character"},
		{"/a%3Fb/", true, "not allowed in file names"},
	} {
		err := validateSource(tc.in, tc.derived)
		switch {
		case tc.wantProblem == "" && err != nil:
			t.Errorf("validateSource(%q, %v) = %v, want nil", tc.in, tc.derived, err)
		case tc.wantProblem != "" && (err == nil || !strings.Contains(err.Error(), tc.wantProblem)):
			t.Errorf("validateSource(%q, %v) = %v, want error containing %q", tc.in, tc.derived, err, tc.wantProblem)
		}
	}
}

func TestValidationErrorsCarryHints(t *testing.T) {
	e := asError(validateSource("privacy/", false))
	if e.Hint != "write it as /privacy/" {
		t.Errorf("hint = %q", e.Hint)
	}
}
