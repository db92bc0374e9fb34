// Package safeopen opens files that apigwlint reads on its own initiative
// (the configuration it finds, the result cache) without ever blocking:
// a FIFO or a device in their place would make a plain open wait forever
// for a writer, or read an endless stream.
package safeopen

import (
	"fmt"
	"io/fs"
	"os"
)

// NotRegularError says that a path is not a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file", e.Path, Describe(e.Mode))
}

// Describe names the kind of file a mode is, for messages.
func Describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symlink"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// Regular opens path for reading if it is a regular file (following
// symlinks), and returns a *NotRegularError if it is anything else. The
// check and the open cannot be raced: the file is opened without blocking
// and then checked (see open_unix.go).
func Regular(path string) (*os.File, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &NotRegularError{Path: path, Mode: st.Mode()}
	}
	return f, nil
}
