// Command gen writes N generated definition files (see internal/gen) into a
// directory, for benchmarks:
//
//	go run ./internal/tools/gen -n 10000 -o /tmp/bench10k
//	go run ./internal/tools/gen -docs 10000 -o /tmp/docs.yaml   (one file)
//	go run ./internal/tools/gen -tf 2000 -o /tmp/tf   (a Terraform project:
//	    20 modules of 10 files, APIs spread over them)
//	go run ./internal/tools/gen -ros -n 2000 -o /tmp/ros2k       (ROS templates)
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/apigwlint/apigwlint/internal/gen"
)

func main() {
	n := flag.Int("n", 1000, "number of files")
	out := flag.String("o", "", "output `DIR` (created; must not hold other files), or the file for -docs")
	docs := flag.Int("docs", 0, "write one file holding this many documents instead")
	tf := flag.Int("tf", 0, "write a Terraform project of this many APIs (20 modules of 10 files) instead")
	ros := flag.Bool("ros", false, "write N ROS templates (5 APIs each) instead of request files")
	flag.Parse()
	if *tf > 0 && *out != "" {
		const modules, files = 20, 10
		per := (*tf + modules*files - 1) / (modules * files)
		size, err := gen.Terraform(*out, modules, files, per)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Printf("%d APIs in %d files, %d bytes in %s\n", modules*files*per, modules*files, size, *out)
		return
	}
	if *docs > 0 && *out != "" {
		data := gen.Documents(*docs)
		if err := os.WriteFile(*out, data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Printf("%d documents, %d bytes in %s\n", *docs, len(data), *out)
		return
	}
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -n N -o DIR")
		os.Exit(2)
	}
	write := gen.Write
	if *ros {
		write = gen.WriteROS
	}
	size, err := write(*out, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes in %s\n", *n, size, *out)
}
