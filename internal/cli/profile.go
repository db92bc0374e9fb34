package cli

import (
	"os"
	"runtime/pprof"

	"github.com/apigwlint/apigwlint/internal/lint"
)

// profile starts a CPU profile when APIGWLINT_CPUPROFILE names a file, for
// reading where a real run spends its time (scripts/bench.sh uses it), and
// writes a heap profile (what is live at the end of the run) when
// APIGWLINT_MEMPROFILE names one. They are environment variables, not
// flags, because they are for developers.
//
// It also tunes the garbage collector for a run (lint.TuneGC).
func profile() (stop func()) {
	lint.TuneGC()
	stopCPU := cpuProfile(os.Getenv("APIGWLINT_CPUPROFILE"))
	mem := os.Getenv("APIGWLINT_MEMPROFILE")
	return func() {
		stopCPU()
		if mem == "" {
			return
		}
		// In use as of the last collection during the run (a collection
		// now would find the results already dropped).
		if f, err := os.Create(mem); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
}

func cpuProfile(path string) (stop func()) {
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
