package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// HTTPMethodHeader: the method "HEADER", a misspelling of HEAD.
//
// The vendor's method lists print HEADER; ROS and DescribeApiHistory list HEAD
// (docs/sources.md#http-method-header). The schema accepts both; this warning
// asks for the HTTP name.
var HTTPMethodHeader = &Rule{
	ID: "http-method-header", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`RequestHttpMethod` or `ServiceHttpMethod` is `HEADER`, which is not an HTTP method; `HEAD` is meant",
		Why: "The CreateApi docs list the method as `HEADER`, but HTTP has no such method and ROS, the DescribeApiHistory docs and every client " +
			"call it `HEAD`. Write `HEAD` so that the definition means the same thing to every tool.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CheckUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: HEADER, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CheckUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: HEAD, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		for _, n := range []struct{ obj, key string }{{"RequestConfig", "RequestHttpMethod"}, {"ServiceConfig", "ServiceHttpMethod"}} {
			v := c.Root.Get(n.obj).Get(n.key)
			if enumOf(v, "HEADER") != "" {
				c.ReportNode(v, "%s %q is not an HTTP method: write HEAD", n.key, v.Scalar())
			}
		}
	},
}
