package rules_test

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

// TestDocFixes keeps each rule's Fix document true: the failing example's
// findings carry fixes exactly when the document says the rule has one,
// safe or unsafe as it says, and applying them leaves only the findings
// that had none.
func TestDocFixes(t *testing.T) {
	if err := schema.Init(); err != nil {
		t.Fatal(err)
	}
	withFix := 0
	for _, r := range rules.All() {
		if r.Kind == rules.Project || r.Doc.Bad == "" {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			src := rules.ExpandExample(r.Doc.Bad)
			var mine []diag.Diagnostic
			fixed, safe, unsafe := 0, 0, 0
			for _, d := range lint.CheckOne("bad.yaml", src, nil) {
				if d.Rule != r.ID {
					continue
				}
				mine = append(mine, d)
				if len(d.Fixes) > 0 {
					fixed++
				}
				for _, f := range d.Fixes {
					if f.Safe {
						safe++
					} else {
						unsafe++
					}
				}
			}
			switch r.Doc.Fix.Safety {
			case rules.NoFix:
				if fixed > 0 {
					t.Fatalf("offers %d fixes, but its document says it has none", safe+unsafe)
				}
				return
			case rules.SafeFix:
				if safe == 0 || unsafe > 0 {
					t.Fatalf("%d safe and %d unsafe fixes; the document says safe", safe, unsafe)
				}
			case rules.UnsafeFix:
				if unsafe == 0 || safe > 0 {
					t.Fatalf("%d safe and %d unsafe fixes; the document says unsafe", safe, unsafe)
				}
			case rules.SometimesSafe:
				if fixed == 0 {
					t.Fatal("no fix on the failing example")
				}
			}
			if r.Doc.Fix.Text == "" {
				t.Error("the fix is not described")
			}
			withFix++
			out, _ := fix.Apply(src, mine, true)
			left := 0
			for _, d := range lint.CheckOne("bad.yaml", out, nil) {
				if d.Rule == r.ID {
					left++
				}
			}
			if left != len(mine)-fixed {
				t.Errorf("after the fixes %d findings are left, want %d:\n%s", left, len(mine)-fixed, out)
			}
		})
	}
	if withFix < 5 {
		t.Errorf("only %d rules document a fix their example shows", withFix)
	}
}
