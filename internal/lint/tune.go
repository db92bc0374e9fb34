package lint

import (
	"os"
	"runtime/debug"
)

// TuneGC sets the garbage collector for a linter run unless the user set
// GOGC or GOMEMLIMIT: a run allocates a lot of short-lived garbage (parse
// trees dropped file by file) over a small live heap, so the default
// GOGC=100 collects every few megabytes. GOGC=200 halves that; more (400
// was tried) gains nothing on a whole run and costs a partial run a fifth
// of its time in page faults, as the heap grows into fresh memory instead
// of reusing what was collected. The soft limit keeps a 100,000-file run
// under 300 MiB. It must stay well above the live heap of such a run
// (about 130 MiB at the end, the project index of 156,000 definitions):
// when an earlier build kept 200 MiB live, the collector ran almost
// continuously and the run took 2.5 times as long.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(270 << 20)
	}
}
