package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every ROS template and Serverless Devs file of the test data, with each
// line in turn deleted or its value replaced by another kind of value (a
// list, a map, null, a function, a placeholder), is linted without a
// panic: the front-ends read whatever shape they are given.
func TestFrontendsSurviveMutations(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../testdata/cases/frontends", "../../testdata/examples"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.Contains(p, "ros") || strings.Contains(p, "s.yaml") || strings.Contains(p, "s-prod") || strings.Contains(p, "serverless")) &&
				isDefinitionFile(p) {
				files = append(files, p)
			}
			return nil
		})
	}
	if len(files) < 8 {
		t.Fatalf("only %d files", len(files))
	}
	replacements := []string{"[]", "{}", "null", "{Ref: X}", "!GetAtt A.B", "'${vars.x}'", "[{Ref: 'ALIYUN::NoValue'}]", "{'Fn::Join': [1, 2]}"}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			variants := []string{""}
			if k := strings.Index(l, ": "); k >= 0 && !strings.HasPrefix(strings.TrimSpace(l), "#") {
				for _, r := range replacements {
					variants = append(variants, l[:k+2]+r)
				}
			}
			for _, v := range variants {
				mutated := append(append(append([]string(nil), lines[:i]...), v), lines[i+1:]...)
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("%s, line %d as %q: panic %v", p, i+1, v, r)
						}
					}()
					CheckBytes(filepath.Base(p), []byte(strings.Join(mutated, "\n")), true)
					IndexBytes(filepath.Base(p), []byte(strings.Join(mutated, "\n")))
				}()
			}
		}
	}
}
