package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"

	"github.com/apigwlint/apigwlint/internal/cache"
	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/fixer"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// fixFlags are lint's flags for suggested fixes.
type fixFlags struct {
	fix, unsafe, diff bool
}

func (f *fixFlags) on() bool { return f.fix || f.diff }

func addFixFlags(fs *flag.FlagSet, f *fixFlags) {
	fs.BoolVar(&f.fix, "fix", false, "apply the safe suggested fixes to the files in place (repeated until none applies), then report what is left")
	fs.BoolVar(&f.unsafe, "unsafe-fixes", false, "with --fix or --diff, apply the unsafe fixes too (those that need a choice)")
	fs.BoolVar(&f.diff, "diff", false, "print the fixes --fix would make as a unified diff instead of writing them, and nothing else; exit 1 when there are any")
}

// checkFixFlags reports a combination of fix flags that cannot work.
func checkFixFlags(f *fixFlags, paths []string) error {
	if f.unsafe && !f.on() {
		return errors.New("--unsafe-fixes says which fixes --fix or --diff applies; add one of them")
	}
	if f.on() {
		for _, p := range paths {
			if p == "-" {
				return fixer.ErrStdin
			}
		}
	}
	return nil
}

// lintFixing is lint with --fix or --diff. With --fix it returns the lint
// result of the fixed files, to be reported as any run's (a file that
// could not be written is among its Errors); with --diff it prints the
// diff itself and returns done with the exit status.
func (e *env) lintFixing(opts lint.Options, f *lintFlags) (res *lint.Result, code int, done bool) {
	rep, err := fixer.Run(opts, fixer.Options{
		Unsafe: f.fixes.unsafe,
		DryRun: f.fixes.diff,
		Cache:  func() *cache.Cache { return e.openCache(f.cacheDir, f.noCache) },
		Warn:   func(msg string) { fmt.Fprintf(e.stderr, "apigwlint: %s\n", msg) },
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return nil, ExitUsage, true
	}
	if f.fixes.diff {
		w := bufio.NewWriter(e.stdout)
		for _, c := range rep.Changes {
			if err := fix.Diff(w, c.Path, c.Before, c.After); err != nil {
				return nil, ExitUsage, true
			}
		}
		if err := w.Flush(); err != nil {
			return nil, ExitUsage, true
		}
		fmt.Fprintf(e.stderr, "apigwlint: %s would fix %s in %s\n", fixWhat(f.fixes.unsafe), countOf(rep.Fixes(), "problem"), countOf(len(rep.Changes), "file"))
		for _, msg := range rep.Result.Errors {
			fmt.Fprintf(e.stderr, "apigwlint: %s\n", msg)
		}
		switch {
		case len(rep.Result.Errors) > 0:
			return nil, ExitUsage, true
		case len(rep.Changes) > 0:
			return nil, ExitFindings, true
		}
		return nil, ExitOK, true
	}
	if n := rep.Fixes(); n > 0 {
		fmt.Fprintf(e.stderr, "apigwlint: fixed %s in %s\n", countOf(n, "problem"), countOf(len(rep.Changes)-len(rep.Errors), "file"))
	}
	rep.Result.Errors = append(rep.Result.Errors, rep.Errors...)
	return rep.Result, ExitOK, false
}

func fixWhat(unsafe bool) string {
	if unsafe {
		return "--fix --unsafe-fixes"
	}
	return "--fix"
}

// fixApplied completes "lint --fix" in explain's fix heading.
func fixApplied(s rules.FixSafety) string {
	switch s {
	case rules.SafeFix:
		return " applies it"
	case rules.UnsafeFix:
		return " --unsafe-fixes applies it"
	}
	return " applies the safe ones, --unsafe-fixes the others too"
}
