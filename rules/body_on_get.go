package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// BodyOnGet: a GET or HEAD API that declares a request body.
//
// HTTP gives a GET or HEAD body no meaning; proxies and clients drop it.
// No source says the gateway rejects it (docs/sources.md#body-on-get), so
// this is a warning. BodyFormat alone is not flagged: the vendor's own
// CreateApi example sends "BodyFormat": "FORM" with an empty
// PostBodyDescription on a GET API, the way the console writes every API,
// so it carries no intent; BODY parameters and a written body description
// do.
var BodyOnGet = &Rule{
	ID: "body-on-get", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a GET or HEAD API declares BODY parameters or describes a request body (`PostBodyDescription`)",
		Why: "A GET or HEAD request has no meaningful body in HTTP: many clients cannot send one and proxies may drop it, so a BODY parameter " +
			"of such an API never arrives. Send the values as QUERY (or HEAD) parameters, or use POST. (`BodyFormat` alone is not flagged: " +
			"the console writes `FORM` on every API, GET included.)",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: SearchUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/search, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: q, Location: BODY, ParameterType: String, Required: REQUIRED}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: SearchUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/search, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: q, Location: QUERY, ParameterType: String, Required: REQUIRED}
`,
	},
	Check: func(c *Context) {
		rc := c.Root.Get("RequestConfig")
		methodNode := rc.Get("RequestHttpMethod")
		method := requestMethod(c.Root)
		if method != "GET" && method != "HEAD" && method != "HEADER" {
			return
		}
		if method == "HEADER" {
			method = "HEAD"
		}
		if v := rc.Get("PostBodyDescription"); present(v) {
			d := c.ReportKey(v, "PostBodyDescription describes a request body, but a %s API has none: remove it, or use POST, PUT or PATCH", method)
			c.Related(d, methodNode.Range, "RequestHttpMethod")
		}
		for _, p := range requestParams(c.Root) {
			if p.Location != "BODY" {
				continue
			}
			d := c.ReportNode(p.LocNode, "request parameter %q has Location BODY on a %s API, which has no request body: use QUERY or HEAD, or another method", p.Name, method)
			c.Related(d, methodNode.Range, "RequestHttpMethod")
		}
	},
}
