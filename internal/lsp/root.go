package lsp

import (
	"os"
	"path/filepath"
	"strings"
)

// broadRoot reports whether dir is too broad to be walked as a project: a
// file system root, the user's home directory or a directory above it
// (/home). An editor opened on a single file often sends one of these as
// its workspace; walking it would read the whole disk for the cross-file
// rules. Then only the open documents are checked and compared with each
// other (lint.Options.NamedOnly), and the user is told once.
func broadRoot(dir string) bool {
	if dir == "" {
		return false
	}
	dir = filepath.Clean(dir)
	if filepath.Dir(dir) == dir {
		return true
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return false
	}
	for _, h := range []string{filepath.Clean(home), realDir(home)} {
		for _, d := range []string{dir, realDir(dir)} {
			if d == h || strings.HasPrefix(h, d+string(filepath.Separator)) {
				return true
			}
		}
	}
	return false
}

// realDir is dir with symbolic links resolved, or dir cleaned.
func realDir(dir string) string {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return r
	}
	return filepath.Clean(dir)
}
