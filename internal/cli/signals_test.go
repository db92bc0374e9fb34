//go:build unix

package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this test binary as a child that writes a
// report and stops halfway (see TestSignalRemovesTemporaryFiles).
func TestMain(m *testing.M) {
	if path := os.Getenv("APIGWLINT_TEST_HALF_WRITE"); path != "" {
		HandleSignals()
		err := writeReport(path, func(w io.Writer) error {
			fmt.Fprintln(w, "half a report")
			fmt.Println("writing") // the parent signals now
			time.Sleep(time.Minute)
			return nil
		})
		fmt.Println("not interrupted:", err)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A run stopped by SIGINT or SIGTERM while it writes --output removes its
// temporary file and exits 130 or 143; the previous report stays whole.
func TestSignalRemovesTemporaryFiles(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGINT: ExitInterrupted, syscall.SIGTERM: ExitTerminated} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.json")
			if err := os.WriteFile(path, []byte("previous report\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), "APIGWLINT_TEST_HALF_WRITE="+path)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			line, _ := bufio.NewReader(out).ReadString('\n')
			if line != "writing\n" {
				t.Fatalf("child said %q", line)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Fatalf("no temporary file while writing: %v", entries)
			}
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the child did not end on the signal")
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != want {
				t.Errorf("child ended with %v, want exit status %d", err, want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("left behind: %v", entries)
			}
			if data, _ := os.ReadFile(path); string(data) != "previous report\n" {
				t.Errorf("the report is now %q", data)
			}
		})
	}
}
