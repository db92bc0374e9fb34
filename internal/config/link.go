package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkLink refuses a configuration file reached through a symlink that
// leads out of the repository holding the path (the nearest directory
// above it with a .git; without one, the path's own directory). CI lints
// untrusted pull requests, and a pull request can commit
// ".apigwlint.yaml -> /home/runner/.ssh/id_rsa": the file would not be a
// valid configuration, and the problems reported about it would quote its
// lines into a public log. A link within the repository (a shared
// configuration in a monorepo) is followed.
func checkLink(abs, display string) error {
	if root, out := LinksOut(abs); out {
		return fmt.Errorf("cannot read configuration %s: it is a symlink to a file outside the repository (%s), which apigwlint does not read; copy the configuration into the repository", display, root)
	}
	return nil
}

// LinksOut reports whether the file abs is a symlink (or lies under one)
// that leads out of the repository holding abs, and names that
// repository. The same check guards the other files apigwlint reads
// because a repository says so (the baseline).
func LinksOut(abs string) (root string, out bool) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil || real == abs {
		return "", false // missing or unreadable: the open reports it; no link: nothing to check
	}
	root = repoRoot(filepath.Dir(abs))
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return root, true
	}
	return root, false
}

// repoRoot is the nearest directory from dir upwards that holds .git, or
// dir itself when there is none.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
