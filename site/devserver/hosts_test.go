package devserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clause-dev/clause/site/internal/diag"
)

// TestHostHeaderChecked checks that the server answers only hosts that a
// DNS rebinding attack cannot name: everything else, the event stream
// and the problems included, gets 403 with a message naming the flag.
func TestHostHeaderChecked(t *testing.T) {
	tests := []struct {
		addr    string
		allowed []string
		host    string
		want    bool
	}{
		{"127.0.0.1:1313", nil, "localhost:1313", true},
		{"127.0.0.1:1313", nil, "LOCALHOST.", true},
		{"127.0.0.1:1313", nil, "app.localhost:1313", true},
		{"127.0.0.1:1313", nil, "127.0.0.1:1313", true},
		{"127.0.0.1:1313", nil, "127.8.9.10", true},
		{"127.0.0.1:1313", nil, "[::1]:1313", true},
		{"127.0.0.1:1313", nil, "attacker.example:1313", false},
		{"127.0.0.1:1313", nil, "localhost.attacker.example", false},
		{"127.0.0.1:1313", nil, "127.0.0.1.nip.io", false},
		{"127.0.0.1:1313", nil, "192.168.1.20:1313", false},
		{"127.0.0.1:1313", nil, "", false},
		{"192.168.1.20:1313", nil, "192.168.1.20:1313", true},
		{"192.168.1.20:1313", nil, "192.168.1.21:1313", false},
		{"0.0.0.0:1313", nil, "192.168.1.20:1313", true},
		{"0.0.0.0:1313", nil, "[fe80::1]:1313", true},
		{"0.0.0.0:1313", nil, "laptop.lan:1313", false},
		{"laptop.lan:1313", nil, "laptop.lan:1313", true},
		{"127.0.0.1:1313", []string{"preview.example.com"}, "preview.example.com", true},
		{"127.0.0.1:1313", []string{"preview.example.com"}, "x.preview.example.com", false},
		{"127.0.0.1:1313", []string{".app.github.dev"}, "me-1313.app.github.dev", true},
		{"127.0.0.1:1313", []string{".app.github.dev"}, "app.github.dev", true},
		{"127.0.0.1:1313", []string{".app.github.dev"}, "evilapp.github.dev", false},
	}
	for _, tt := range tests {
		s := New(Options{Addr: tt.addr, AllowedHosts: tt.allowed})
		s.Publish(site(), nil)
		s.Fail([]Problem{{Diagnostic: diag.Diagnostic{Path: "content/draft.md", Line: 1, Msg: "secret draft"}}})
		for _, p := range []string{"/", "/privacy/", problemsPath} {
			req := httptest.NewRequest("GET", p, nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			s.handler().ServeHTTP(rec, req)
			if got := rec.Code != http.StatusForbidden; got != tt.want {
				t.Errorf("bind %s, allowed %v, Host %q, %s: answered = %v (status %d)", tt.addr, tt.allowed, tt.host, p, got, rec.Code)
			}
			if !tt.want && (strings.Contains(rec.Body.String(), "secret") || tt.host != "" && !strings.Contains(rec.Body.String(), "--allowed-host")) {
				t.Errorf("Host %q: refusal body %q", tt.host, rec.Body.String())
			}
		}
	}
}

// TestEventsRefusedForOtherHosts checks the live reload stream on a real
// listener: a foreign Host gets 403 before any event is sent.
func TestEventsRefusedForOtherHosts(t *testing.T) {
	ts := startServer(t)
	ts.Publish(site(), nil)
	req, _ := http.NewRequest("GET", ts.base+eventsPath, nil)
	req.Host = "rebind.attacker.example:1313"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Errorf("events for a foreign host: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestCleanAllowedHost checks the values --allowed-host accepts.
func TestCleanAllowedHost(t *testing.T) {
	for in, want := range map[string]string{"Preview.Example.com": "preview.example.com", ".app.github.dev": ".app.github.dev", "box.": "box"} {
		if got, err := CleanAllowedHost(in); err != nil || got != want {
			t.Errorf("CleanAllowedHost(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", ".", "https://x.example", "x.example:1313", "*.example.com", "x.example/path", "a..b", "..b"} {
		if got, err := CleanAllowedHost(in); err == nil {
			t.Errorf("CleanAllowedHost(%q) = %q, want an error", in, got)
		}
	}
}
