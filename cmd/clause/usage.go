package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/clause-dev/clause/internal/suggest"
)

// newFlags returns the flag set of one command, whose messages go to w.
// Its Usage prints the command's usage line and where to read more. The
// flag package's own messages, which spell flags with one dash, are never
// printed: parseFlags and parseArgs report problems themselves, and
// --help prints the whole help once (see printHelp).
func newFlags(name string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\nRun 'clause %s --help' for what each flag does.\n", usageOf(name), name)
	}
	return fs
}

// parseQuietly parses args without letting the flag package print.
func parseQuietly(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(out)
	return fs.Parse(args)
}

// stopOn handles an error of parseQuietly and returns the exit status:
// the help on stdout for --help, else the problem and the usage line.
func stopOn(fs *flag.FlagSet, err error, stdout io.Writer) int {
	if errors.Is(err, flag.ErrHelp) {
		printHelp(stdout, fs)
		return exitOK
	}
	fmt.Fprintf(fs.Output(), "clause %s: %s\n", fs.Name(), flagError(fs, err))
	fs.Usage()
	return exitUsage
}

// undefinedFlag is the flag package's message for an unknown flag.
const undefinedFlag = "flag provided but not defined: -"

// dashedFlag finds a flag name in the flag package's messages, which
// write it with one dash: "invalid value "x" for flag -port: …".
var dashedFlag = regexp.MustCompile(`(flag|for|argument:) -([A-Za-z0-9][\w.-]*)`)

// flagError rewrites a parse error with flags spelled as the usage spells
// them, --name, and suggests the flag meant by an unknown one.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, undefinedFlag); ok {
		msg = "unknown flag --" + name
		var known []string
		fs.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
		if s, ok := suggest.Closest(name, known); ok {
			msg += "; did you mean --" + s + "?"
		}
		return msg
	}
	msg = strings.Replace(msg, ": parse error", ": want a whole number", 1) // an integer flag's value
	return dashedFlag.ReplaceAllString(msg, "$1 --$2")
}

// usageValue finds each flag of a usage line and the word that stands
// for its value: "--source DIR", "--format text|json|github".
var usageValue = regexp.MustCompile(`--([a-z][a-z-]*)(?: ([A-Z][A-Z_]*|[a-z]+(?:\|[a-z]+)+))?`)

// valueNames maps each flag of a usage line to its value's name, "" for
// a flag that takes none.
func valueNames(line string) map[string]string {
	out := map[string]string{}
	for _, m := range usageValue.FindAllStringSubmatch(line, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// printHelp writes a command's help: its usage line, what it does, and
// each flag as the usage line spells it, with its default.
func printHelp(w io.Writer, fs *flag.FlagSet) {
	line := usageOf(fs.Name())
	fmt.Fprintf(w, "Usage: %s\n", line)
	if s := summaryOf(fs.Name()); s != "" {
		fmt.Fprintf(w, "\n%s%s.\n", strings.ToUpper(s[:1]), s[1:])
	}
	values := valueNames(line)
	first := true
	fs.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprint(w, "\nFlags:\n")
			first = false
		}
		name, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  --%s", f.Name)
		if v := valueName(f, name, values); v != "" {
			fmt.Fprintf(w, " %s", v)
		}
		fmt.Fprintf(w, "\n        %s%s\n", usage, defaultNote(f))
	})
}

// valueName is the name of a flag's value in the help: none for a flag
// that takes none, else the usage line's, else the word its usage text
// quotes, in capitals.
func valueName(f *flag.Flag, quoted string, fromUsage map[string]string) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return ""
	}
	if v := fromUsage[f.Name]; v != "" {
		return v
	}
	return strings.ToUpper(quoted)
}

// defaultNote returns " (default …)" for a flag whose default says
// something: not for an empty text, false or 0.
func defaultNote(f *flag.Flag) string {
	switch f.DefValue {
	case "", "false", "0":
		return ""
	}
	if _, err := strconv.Atoi(f.DefValue); err == nil {
		return " (default " + f.DefValue + ")"
	}
	return fmt.Sprintf(" (default %q)", f.DefValue)
}
