//go:build race

package lint_test

// The race detector slows the code down five to ten times: time limits
// grow accordingly.
const timeScale = 10
