// Package tempfile keeps the list of temporary files apigwlint has created
// and not yet renamed into place (a report being written, a cache pack),
// so that a run stopped by a signal removes them instead of leaving them
// behind (see internal/cli's signal handling).
package tempfile

import (
	"os"
	"sync"
)

var (
	mu    sync.Mutex
	files = map[string]int{}
)

// Create is os.CreateTemp, with the file tracked until the returned done
// is called (after the file was renamed into place or removed).
func Create(dir, pattern string) (f *os.File, done func(), err error) {
	// Tracked while being created, so that no moment is left in which a
	// signal would find the file on disk and not in the list.
	mu.Lock()
	defer mu.Unlock()
	f, err = os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, func() {}, err
	}
	name := f.Name()
	files[name]++
	var once sync.Once
	return f, func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			if files[name]--; files[name] <= 0 {
				delete(files, name)
			}
		})
	}, nil
}

// RemoveAll removes every tracked file and returns how many it removed.
// It holds the list until the end: no file is created meanwhile.
func RemoveAll() int {
	mu.Lock()
	defer mu.Unlock()
	n := 0
	for name := range files {
		if os.Remove(name) == nil {
			n++
		}
		delete(files, name)
	}
	return n
}
