//go:build unix

package cache

import (
	"os"
	"syscall"

	"github.com/apigwlint/apigwlint/internal/safeopen"
)

// lock takes an exclusive advisory lock on a temporary pack being written;
// closing the file (or the process ending) releases it.
func lock(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) }

// unlocked reports whether no process holds the lock on the file at path
// (a regular file: anything else is never opened).
func unlocked(path string) bool {
	f, err := safeopen.Regular(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
