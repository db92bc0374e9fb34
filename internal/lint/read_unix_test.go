//go:build unix

package lint

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO put where a walked file was (between the walk and the read) is
// opened without blocking and refused, never read.
func TestReadRegularRefusesAFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "swapped.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := readRegular(fifo, 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		if err != errNotRegular {
			t.Fatalf("err = %v, want %v", err, errNotRegular)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("opening a FIFO blocked")
	}
}

func TestReadRegularSizes(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 70000} {
		p := filepath.Join(dir, "f")
		want := make([]byte, size)
		for i := range want {
			want[i] = byte(i)
		}
		os.WriteFile(p, want, 0o644)
		got, n, err := readRegular(p, 70000)
		if err != nil || n != int64(size) || string(got) != string(want) {
			t.Fatalf("size %d: n=%d err=%v equal=%v", size, n, err, string(got) == string(want))
		}
	}
	p := filepath.Join(dir, "big")
	os.WriteFile(p, make([]byte, 101), 0o644)
	if data, n, err := readRegular(p, 100); data != nil || n != 101 || err != nil {
		t.Fatalf("over the limit: %v %d %v", data != nil, n, err)
	}
}
