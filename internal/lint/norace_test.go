//go:build !race

package lint_test

// timeScale multiplies the time limits of the hostile-input tests (see
// race_test.go).
const timeScale = 1
