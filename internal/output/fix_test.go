package output

import (
	"bytes"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// TestFixableLine: the text report says how many findings --fix would fix
// and how many more --unsafe-fixes would, and nothing when none.
func TestFixableLine(t *testing.T) {
	safe := diag.Diagnostic{Fixes: []diag.Fix{{Safe: true, Edits: []diag.Edit{{Start: 0, End: 1}}}}}
	unsafe := diag.Diagnostic{Fixes: []diag.Fix{{Edits: []diag.Edit{{Start: 0, End: 1}}}}}
	both := diag.Diagnostic{Fixes: []diag.Fix{{Safe: true, Edits: []diag.Edit{{Start: 0, End: 1}}}, {Edits: []diag.Edit{{Start: 0, End: 1}}}}}
	for _, c := range []struct {
		ds   []diag.Diagnostic
		want string
	}{
		{[]diag.Diagnostic{{}}, ""},
		{[]diag.Diagnostic{safe, both, {}}, "2 fixable with --fix\n"},
		{[]diag.Diagnostic{safe, unsafe}, "1 fixable with --fix (1 more with --unsafe-fixes)\n"},
		{[]diag.Diagnostic{unsafe}, "1 fixable with --fix --unsafe-fixes\n"},
	} {
		var b bytes.Buffer
		fixableLine(&b, c.ds)
		if b.String() != c.want {
			t.Errorf("%q, want %q", b.String(), c.want)
		}
	}
}
