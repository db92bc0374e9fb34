package cli

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/apigwlint/apigwlint/internal/tempfile"
)

// Exit statuses after a signal, as a shell reports them (128 + number).
const (
	ExitInterrupted = 130 // SIGINT
	ExitTerminated  = 143 // SIGTERM
)

// HandleSignals makes SIGINT and SIGTERM remove the temporary files a run
// has open (a report or a cache pack being written, see internal/tempfile)
// and end the process with ExitInterrupted or ExitTerminated, instead of
// leaving them behind. The command calls it before Main; stop undoes it.
func HandleSignals() (stop func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-signals:
			tempfile.RemoveAll()
			if sig == syscall.SIGTERM {
				os.Exit(ExitTerminated)
			}
			os.Exit(ExitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
}
