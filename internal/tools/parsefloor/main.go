// Command parsefloor measures the floor under apigwlint's cold run: the
// time goccy/go-yaml alone takes to read and parse (or only tokenize) the
// same files, on every core. scripts/bench.sh compares apigwlint with it.
//
//	go run ./internal/tools/parsefloor [-tokenize] DIR
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"

	"github.com/apigwlint/apigwlint/internal/lint"
)

func main() {
	tokenize := flag.Bool("tokenize", false, "only tokenize, do not build the AST")
	flag.Parse()
	// The same collector settings as apigwlint, so that the floor is the
	// library's own cost and not a difference in runtime settings.
	lint.TuneGC()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor [-tokenize] DIR")
		os.Exit(2)
	}
	var paths []string
	filepath.WalkDir(flag.Arg(0), func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			switch strings.ToLower(filepath.Ext(p)) {
			case ".yaml", ".yml", ".json":
				paths = append(paths, p)
			}
		}
		return nil
	})
	var next atomic.Int64
	var failed atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				data, err := os.ReadFile(paths[i])
				if err != nil {
					failed.Add(1)
					continue
				}
				if *tokenize {
					lexer.Tokenize(string(data))
					continue
				}
				if _, err := parser.ParseBytes(data, 0); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	fmt.Printf("%d files, %d failed\n", len(paths), failed.Load())
}
