package suppress

import (
	"strings"
	"testing"
)

func TestScanHCL(t *testing.T) {
	src := `resource "alicloud_api_gateway_api" "a" {
  # apigwlint-disable-next-line duplicate-api-path -- old clients call both
  name = "x"

  // apigwlint-disable-next-line api-name-cjk -- kept for the console
  description = "# apigwlint-disable-line schema -- inside a string, not a comment"
  path = <<EOT
# apigwlint-disable-file schema -- inside a heredoc
EOT
  auth_type = "APP" # apigwlint-disable-line schema -- trailing
  /* apigwlint-disable-file schema -- a block comment is not a directive */
  # apigwlint-disable-next-line no-such-rule -- typo
  mode = "MAPPING"
}
`
	s := ScanHCL("main.tf", []byte(src))
	if s == nil {
		t.Fatal("no directives found")
	}
	var got []string
	for _, d := range s.Directives {
		got = append(got, d.Entries[0].Rule+"@"+itoa(d.Target)+":"+itoa(d.Entries[0].Range.Start.Col))
	}
	want := "duplicate-api-path@3:33 api-name-cjk@6:34 schema@10:46"
	if strings.Join(got, " ") != want {
		t.Errorf("directives = %v, want %s", got, want)
	}
	if len(s.Invalid) != 1 || !strings.Contains(s.Invalid[0].Message, `unknown rule "no-such-rule"`) || s.Invalid[0].Range.Start.Line != 12 {
		t.Errorf("invalid = %+v", s.Invalid)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func FuzzScanHCL(f *testing.F) {
	f.Add([]byte("# apigwlint-disable-next-line schema -- r\na = 1\n"))
	f.Add([]byte("a = \"${x}\" // apigwlint-disable-line schema -- r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ScanHCL("f.tf", data)
	})
}
