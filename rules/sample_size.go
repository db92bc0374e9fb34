package rules

import (
	"encoding/json"
	"fmt"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// SampleSize: documentation samples over their documented size.
//
// The corrected CreateApi table gives "up to 32 KB" for a sample response and
// "up to 16 KB" for ErrorCodeSamples; which sample the 32 KB belongs to is
// uncertain (docs/sources.md#sample-size), so both samples get it, as a
// warning.
var SampleSize = &Rule{
	ID: "sample-size", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`ResultSample` or `FailResultSample` is over 32 KB, or `ErrorCodeSamples` over 16 KB",
		Why: "The samples only feed the generated API documentation, and the vendor caps them: 32 KB for a sample response and 16 KB for the error " +
			"codes (sizes in UTF-8 bytes as sent; a structured ErrorCodeSamples is measured as compact JSON). Which of the two samples the 32 KB " +
			"applies to is unclear in the vendor's table, so both are checked. Shorten the sample to a representative excerpt.",
		Bad: "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: ListUsers\nVisibility: PRIVATE\nAuthType: APP\n" +
			"RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}\n" +
			"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n" +
			`ErrorCodeSamples: '[{"Code": "400", "Message": "<17 KB of text>"}]'` + "\n",
		Good: "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: ListUsers\nVisibility: PRIVATE\nAuthType: APP\n" +
			"RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}\n" +
			"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n" +
			`ErrorCodeSamples: '[{"Code": "400", "Message": "InvalidPageSize", "Description": "pageSize is not between 1 and 100."}]'` + "\n",
	},
	Check: func(c *Context) {
		for _, s := range []struct {
			key   string
			limit int
		}{{"ResultSample", 32 << 10}, {"FailResultSample", 32 << 10}, {"ErrorCodeSamples", 16 << 10}} {
			n := c.Root.Get(s.key)
			size := sentSize(n)
			if size <= s.limit {
				continue
			}
			c.Report(at(n), n.Pointer, "%s is %s, over the documented %d KB: shorten it to a representative excerpt", s.key, kb(size), s.limit>>10)
		}
	},
}

// sentSize is the size of a parameter as sent: a string's bytes, or the
// compact JSON of a structured (or parsed) value.
func sentSize(n *source.Node) int {
	if n == nil {
		return 0
	}
	if n.Kind == source.String {
		return len(n.Value)
	}
	b, err := json.Marshal(n.ToValue())
	if err != nil {
		return 0
	}
	return len(b)
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
