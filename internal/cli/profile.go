package cli

import (
	"os"
	"runtime/pprof"

	"github.com/apigwlint/apigwlint/internal/lint"
)

// profile starts a CPU profile when APIGWLINT_CPUPROFILE names a file, for
// reading where a real run spends its time (scripts/bench.sh uses it). It
// is an environment variable, not a flag, because it is for developers.
//
// It also tunes the garbage collector for a run (lint.TuneGC).
func profile() (stop func()) {
	lint.TuneGC()
	path := os.Getenv("APIGWLINT_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
