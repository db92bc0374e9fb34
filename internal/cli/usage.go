package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/apigwlint/apigwlint/schema"
)

// commands are the words Main takes as a command (the first argument).
var commands = []string{"lint", "rules", "explain", "schema", "config", "baseline", "init", "lsp", "version", "help"}

// unknownCommand returns the command a first argument seems to misspell:
// a bare word (no '-', '/' or '.') that names no existing path and is
// close to a command. "apigwlint apis" with a directory apis is a path, as
// "apigwlint lint apis" would take it.
func unknownCommand(arg string) string {
	if arg == "" || strings.ContainsAny(arg, "-/.\\") {
		return ""
	}
	if _, err := os.Lstat(arg); err == nil {
		return ""
	}
	return schema.Suggest(arg, commands)
}

var (
	invalidValueRE = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]+): (.*)$`)
	notDefinedRE   = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	needsArgRE     = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
)

// flagError reports a mistake in the flags in one line, pointing at the
// help, instead of the flag package's whole usage text.
func (e *env) flagError(fs *flag.FlagSet, err error, help string) int {
	msg := err.Error()
	if m := invalidValueRE.FindStringSubmatch(msg); m != nil {
		why := m[3]
		if why == "parse error" || strings.Contains(why, "invalid syntax") {
			why = "not a number"
			if f := fs.Lookup(m[2]); f != nil {
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
					why = "use true or false"
				}
			}
		} else if strings.Contains(why, "value out of range") {
			why = "the number is too large"
		}
		msg = fmt.Sprintf("bad value %q for --%s: %s", m[1], m[2], why)
	} else if m := notDefinedRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("unknown flag --%s", m[1])
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if s := schema.Suggest(m[1], names); s != "" {
			msg += fmt.Sprintf("; did you mean --%s?", s)
		}
	} else if m := needsArgRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("--%s needs a value", m[1])
	}
	fmt.Fprintf(e.stderr, "apigwlint: %s (see '%s')\n", msg, help)
	return ExitUsage
}

// badValue reports a flag value outside the accepted ones in one line.
func (e *env) badValue(flagName, value, want string) int {
	fmt.Fprintf(e.stderr, "apigwlint: bad value %q for %s: use %s (see 'apigwlint --help')\n", value, flagName, want)
	return ExitUsage
}

// unexpected reports an argument a command does not take.
func (e *env) unexpected(command, arg string) int {
	fmt.Fprintf(e.stderr, "apigwlint %s: unexpected argument %q (see 'apigwlint %s --help')\n", command, arg, command)
	return ExitUsage
}

// parseFlags parses a command's flags. done is true when the command is
// finished: help was asked for (printed with head, exit 0) or a flag was
// wrong (one line, exit 2).
func (e *env) parseFlags(fs *flag.FlagSet, args []string, head string) (code int, done bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	if err == nil {
		return 0, false
	}
	if errors.Is(err, flag.ErrHelp) {
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fmt.Fprint(e.stderr, head+b.String())
		return ExitOK, true
	}
	return e.flagError(fs, err, fs.Name()+" --help"), true
}

// countOf is "1 warning", "2 warnings".
func countOf(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
