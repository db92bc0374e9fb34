// Command apigwlint checks Alibaba Cloud API Gateway definitions.
package main

import (
	"os"

	"github.com/apigwlint/apigwlint/internal/cli"
)

func main() {
	cli.HandleSignals()
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
