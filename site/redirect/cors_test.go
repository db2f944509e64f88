package redirect

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCORSRules checks that the paths of Options.CORS get
// Access-Control-Allow-Origin: * in vercel.json and in the nginx include,
// with the base path applied and nginx's index file covered, and that
// neither file names them without CORS.
func TestCORSRules(t *testing.T) {
	opts := policiesOptions
	opts.CORS = []string{"/privacy/embed/", "/terms/embed/"}
	files, errs := Files(resolvedFixture(t), opts)
	if HasErrors(errs) {
		t.Fatal(errs)
	}
	var v struct {
		Headers []vercelHeaders `json:"headers"`
	}
	if err := json.Unmarshal(files[vercelFile], &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Headers) != 2 || v.Headers[0].Source != "/policies/privacy/embed/" || v.Headers[1].Source != "/policies/terms/embed/" ||
		len(v.Headers[0].Headers) != 1 || v.Headers[0].Headers[0] != (vercelField{Key: "Access-Control-Allow-Origin", Value: "*"}) {
		t.Errorf("vercel.json headers = %+v", v.Headers)
	}
	nginx := string(files[nginxFile])
	for _, want := range []string{"map $uri $clause_cors {\n    default \"\";\n", `    "/policies/privacy/embed/" "*";`,
		`    "/policies/privacy/embed/index.html" "*";`, `    "/policies/terms/embed/index.html" "*";`, "add_header Access-Control-Allow-Origin $clause_cors;"} {
		if !strings.Contains(nginx, want) {
			t.Errorf("nginx include lacks %q:\n%s", want, nginx)
		}
	}
	files, _ = Files(resolvedFixture(t), policiesOptions)
	if strings.Contains(string(files[vercelFile]), "headers") || strings.Contains(string(files[nginxFile]), "clause_cors") {
		t.Error("without CORS paths, vercel.json or the nginx include has a CORS rule")
	}
}
