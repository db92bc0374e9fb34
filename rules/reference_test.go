package rules

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the rule documents")

// TestReference fails when docs/rules.md is not what the rule documents
// render to; run with -update to regenerate it.
func TestReference(t *testing.T) {
	path := filepath.Join("..", "docs", "rules.md")
	want := Reference()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (generate it with: go test ./rules -run TestReference -update)", err)
	}
	if string(got) != want {
		t.Errorf("docs/rules.md is stale: regenerate it with: go test ./rules -run TestReference -update")
	}
}
