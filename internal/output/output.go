// Package output writes a lint result in one format. Each format is one
// file behind the Formatter interface, so adding a format touches nothing
// else.
package output

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/lint"
)

// Options are shared by all formats.
type Options struct {
	Color   bool   // text only
	Version string // tool version, for formats that name the tool
	// SrcRoot is the absolute directory that the diagnostics' file paths
	// are relative to (the working directory of the run). SARIF records
	// it as the %SRCROOT% base; "" leaves the base unresolved, which
	// keeps reports reproducible across machines.
	SrcRoot string
}

// Formatter writes a result.
type Formatter interface {
	Format(w io.Writer, res *lint.Result) error
}

var formats = map[string]func(Options) Formatter{
	"text":       func(o Options) Formatter { return &Text{Color: o.Color} },
	"json":       func(o Options) Formatter { return JSON{} },
	"sarif":      func(o Options) Formatter { return &SARIF{Version: o.Version, SrcRoot: o.SrcRoot} },
	"github":     func(o Options) Formatter { return GitHub{} },
	"checkstyle": func(o Options) Formatter { return Checkstyle{} },
	"junit":      func(o Options) Formatter { return JUnit{} },
	"gitlab":     func(o Options) Formatter { return GitLab{} },
}

// Names lists the formats, sorted.
func Names() []string {
	out := make([]string, 0, len(formats))
	for k := range formats {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// New returns the formatter called name.
func New(name string, o Options) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (use one of %s)", name, strings.Join(Names(), ", "))
	}
	return f(o), nil
}
