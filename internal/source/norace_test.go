//go:build !race

package source

// timeScale multiplies the time limits of the tests (see race_test.go).
const timeScale = 1
