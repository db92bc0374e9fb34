// Package registry is the one list of front-ends, in the order they are
// asked whether a file is theirs; request files come last and take the
// rest.
package registry

import (
	"path/filepath"

	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/frontend/request"
	"github.com/apigwlint/apigwlint/internal/frontend/ros"
	"github.com/apigwlint/apigwlint/internal/frontend/sdevs"
	"github.com/apigwlint/apigwlint/internal/frontend/terraform"
	"github.com/apigwlint/apigwlint/internal/source"
)

var all = []*frontend.Frontend{terraform.Frontend, terraform.PlanFrontend, ros.Frontend, sdevs.Frontend, request.Frontend}

// All returns the front-ends in the order they are tried.
func All() []*frontend.Frontend { return all }

// For returns the front-end of a file.
func For(path string, data []byte) *frontend.Frontend {
	for _, f := range all {
		if f.Match(path, data) {
			return f
		}
	}
	return request.Frontend
}

// Load reads a file with its front-end (see frontend.Frontend.Load).
func Load(path string, data []byte, each func(*frontend.Definition)) *source.File {
	return For(path, data).Load(path, data, each)
}

// LoadIn is Load for a file shown as display, whose real path is display
// taken relative to dir (or display itself when absolute).
func LoadIn(dir, display string, data []byte, each func(*frontend.Definition)) (*source.File, *frontend.Frontend) {
	f := For(display, data)
	if f.LoadAt != nil {
		real := display
		if !filepath.IsAbs(real) {
			real = filepath.Join(dir, filepath.FromSlash(display))
		}
		return f.LoadAt(real, display, data, each), f
	}
	return f.Load(display, data, each), f
}

// CacheContext tells how a file's result may be cached: cacheable is
// false when it cannot be (it depends on files its front-end cannot name);
// ctx is what else it depends on (nil: only its bytes), to be folded into
// its cache key: the file's place and its module's files' metadata.
func CacheContext(dir, display string, data []byte) (ctx []byte, cacheable bool) {
	f := For(display, data)
	if f.LoadAt == nil {
		return nil, true
	}
	if f.Context == nil {
		return nil, false
	}
	real := display
	if !filepath.IsAbs(real) {
		real = filepath.Join(dir, filepath.FromSlash(display))
	}
	c, ok := f.Context(real)
	if !ok {
		return nil, false
	}
	return append([]byte(display+"\x00"), c...), true
}

// Companions lists the files to check with a named file (see
// frontend.Frontend.Companions), from every front-end.
func Companions(real string) []string {
	var out []string
	for _, f := range all {
		if f.Companions != nil {
			out = append(out, f.Companions(real)...)
		}
	}
	return out
}

// MayMatter reports whether a file's bytes may hold one of the needles'
// keys: as facts.NeedleSet.MayMatter, except that a file whose front-end
// computes values from pieces of text always may.
func MayMatter(path string, data []byte, ns *facts.NeedleSet) bool {
	if ns.MayMatter(data) {
		return true
	}
	f := For(path, data)
	return f.MayCompute != nil && f.MayCompute(data)
}
