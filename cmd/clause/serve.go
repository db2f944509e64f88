package main

import (
	"fmt"
	"io"
)

// runServe is wired to the dev server in serve.go once site/devserver lands.
func runServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "clause serve: not available in this build")
	return exitError
}
