// Command clause builds and serves static privacy centers.
//
// Usage:
//
//	clause build [flags]   build the site into public/
//	clause serve [flags]   serve the site with live reload
//	clause version         print the version
//	clause help [command]  show help
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
