//go:build !unix

package lint

import (
	"errors"
	"io"
	"os"
)

// readRegular reads a regular file of at most max bytes. It returns
// (nil, size, nil) when the file is larger.
func readRegular(path string, max int64) ([]byte, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, unwrapPathError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, unwrapPathError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, 0, errNotRegular
	}
	if st.Size() > max {
		return nil, st.Size(), nil
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, 0, unwrapPathError(err)
	}
	if int64(len(data)) > max {
		return nil, int64(len(data)), nil
	}
	return data, int64(len(data)), nil
}

var errNotRegular = errors.New("not a regular file")

// fileIdentity adds nothing where the platform gives no inode or ctime.
func fileIdentity(b []byte, _ os.FileInfo) []byte { return b }
