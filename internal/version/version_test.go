package version

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	vcs := func(rev, tm, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: tm}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  string
		short                 string
	}{
		{"release build: stamped values win", "v1.2.3", "0123456789abcdef0123", "2026-12-04T05:00:00Z",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("ffff", "2000-01-01T00:00:00Z", "true")},
			"v1.2.3 (commit 0123456789ab, 2026-12-04T05:00:00Z)", "v1.2.3"},
		{"go install module@v1.2.3", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}},
			"v1.2.3", "v1.2.3"},
		{"go install module@pseudo-version", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261204050000-0123456789ab"}},
			"v0.0.0-20261204050000-0123456789ab", "v0.0.0-20261204050000-0123456789ab"},
		{"go build in a clean checkout", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("abcdef0123456789abcd", "2026-12-01T10:00:00Z", "false")},
			Dev + " (commit abcdef012345, 2026-12-01T10:00:00Z)", Dev},
		{"go build with uncommitted changes", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("abcdef0123456789abcd", "2026-12-01T10:00:00Z", "true")},
			Dev + " (commit abcdef012345+dirty, 2026-12-01T10:00:00Z)", Dev},
		{"go build -buildvcs=false", "", "", "",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			Dev, Dev},
		{"no build information", "", "", "", nil, Dev, Dev},
		{"stamped version only", "v2.0.0", "", "", nil, "v2.0.0", "v2.0.0"},
	}
	for _, tt := range tests {
		in := resolve(tt.version, tt.commit, tt.date, tt.bi)
		if got := in.String(); got != tt.want {
			t.Errorf("%s: String() = %q, want %q", tt.name, got, tt.want)
		}
		if got := in.Short(); got != tt.short {
			t.Errorf("%s: Short() = %q, want %q", tt.name, got, tt.short)
		}
	}
}
