// Command clause builds and serves static privacy centers.
//
// Usage:
//
//	clause build [flags]       build the site into public/
//	clause serve [flags]       serve the site with live reload
//	clause check [flags]       report problems and lint warnings, writing nothing
//	clause init [DIR]          start a site: clause.yaml and a first policy
//	clause new policy <slug>   start a policy
//	clause revise <slug>       archive the current text and schedule a new version
//	clause import FILE|-       convert a policy saved as text or HTML
//	clause version             print the version
//	clause help [command]      show help
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
