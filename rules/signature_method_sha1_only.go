package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// SignatureMethodSHA1Only: AllowSignatureMethod "HmacSHA1" alone.
//
// The CreateApi page and ROS's validator allow exactly "HmacSHA256" and
// "HmacSHA1,HmacSHA256"; only the Chinese ROS page lists "HmacSHA1" alone
// (docs/sources.md#signature-method). The schema accepts it; this warning says
// which spelling every source agrees on.
var SignatureMethodSHA1Only = &Rule{
	ID: "signature-method-sha1-only", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`AllowSignatureMethod: HmacSHA1` alone, a value only one vendor page lists",
		Why: "The CreateApi reference and ROS accept `HmacSHA256` (the default) or `HmacSHA1,HmacSHA256`; plain `HmacSHA1` appears only on the Chinese ROS page. " +
			"To keep accepting SHA-1 signatures from old clients write `HmacSHA1,HmacSHA256`, which every source accepts; better, move clients to HmacSHA256.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListProducts
Visibility: PUBLIC
AuthType: APP
AllowSignatureMethod: HmacSHA1
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /products, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://catalog.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListProducts
Visibility: PUBLIC
AuthType: APP
AllowSignatureMethod: HmacSHA1,HmacSHA256
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /products, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://catalog.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		v := c.Root.Get("AllowSignatureMethod")
		if enumOf(v, "HmacSHA1") == "" {
			return
		}
		c.ReportNode(v, `AllowSignatureMethod %q is listed by one vendor page only; write "HmacSHA1,HmacSHA256" (or "HmacSHA256"), which every source accepts`, v.Scalar())
	},
}
