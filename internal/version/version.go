// Package version says which apigwlint this is. A release build stamps
// Version, Commit and Date with -ldflags -X (internal/tools/release does);
// a build from source (go install …@vX, go build) leaves them empty and the
// module version and VCS revision recorded by the Go toolchain are used.
package version

import (
	"runtime/debug"
	"strings"
)

// Set by the release build:
//
//	-X github.com/apigwlint/apigwlint/internal/version.Version=v1.2.3
//	-X github.com/apigwlint/apigwlint/internal/version.Commit=<sha>
//	-X github.com/apigwlint/apigwlint/internal/version.Date=<RFC 3339>
var (
	Version string
	Commit  string
	Date    string
)

// Dev is the version of a build that knows none (a go build without VCS
// information, or go run).
const Dev = "0.1.0-dev"

// Info is what `apigwlint version` prints.
type Info struct {
	Version string // v1.2.3, a pseudo-version, or Dev
	Commit  string // VCS revision, "" when unknown
	Date    string // commit or build time, "" when unknown
	Dirty   bool   // built from a work tree with uncommitted changes
}

// Get returns the information of the running binary.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return resolve(Version, Commit, Date, bi)
}

// resolve prefers the stamped values; it fills what they leave empty from
// the build information (bi may be nil).
func resolve(version, commit, date string, bi *debug.BuildInfo) Info {
	in := Info{Version: version, Commit: commit, Date: date}
	if bi == nil {
		if in.Version == "" {
			in.Version = Dev
		}
		return in
	}
	if in.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		// go install module@version records the module version.
		in.Version = bi.Main.Version
	}
	stamped := version != ""
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if in.Commit == "" {
				in.Commit = s.Value
			}
		case "vcs.time":
			if in.Date == "" {
				in.Date = s.Value
			}
		case "vcs.modified":
			in.Dirty = !stamped && s.Value == "true"
		}
	}
	if in.Version == "" {
		in.Version = Dev
	}
	return in
}

// Short is the version alone, as reports and the language server name it.
func (in Info) Short() string { return in.Version }

// String is the line `apigwlint version` prints after "apigwlint ":
// "v1.2.3 (commit 0123456789ab, 2026-12-04T05:00:00Z)".
func (in Info) String() string {
	var extra []string
	if in.Commit != "" {
		c := in.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		if in.Dirty {
			c += "+dirty"
		}
		extra = append(extra, "commit "+c)
	}
	if in.Date != "" {
		extra = append(extra, in.Date)
	}
	if len(extra) == 0 {
		return in.Version
	}
	return in.Version + " (" + strings.Join(extra, ", ") + ")"
}
