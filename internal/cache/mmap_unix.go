//go:build unix

package cache

import (
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f read-only, or returns nil. A pack
// is never changed in place (a new one is renamed over it), so the mapping
// stays valid until it is unmapped.
func mapFile(f *os.File, size int64) []byte {
	if size <= 0 || int64(int(size)) != size {
		return nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil
	}
	return b
}

func unmapFile(b []byte) { _ = syscall.Munmap(b) }
