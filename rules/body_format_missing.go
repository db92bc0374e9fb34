package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// BodyFormatMissing: a mapped POST/PUT/PATCH API without BodyFormat.
//
// ROS requires BodyFormat when RequestMode is MAPPING and the method is POST,
// PUT or PATCH (docs/sources.md#body-format); the CreateApi and RequestConfig
// pages mark it optional. Off by default; turn it on when the definitions are
// deployed through ROS.
var BodyFormatMissing = &Rule{
	ID: "body-format-missing", Severity: diag.Off, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a POST, PUT or PATCH API with `RequestMode: MAPPING` has no `BodyFormat` (required by ROS)",
		Why: "In MAPPING mode the gateway reads BODY parameters either as form fields (`FORM`) or as one byte stream (`STREAM`). " +
			"ROS (`ALIYUN::ApiGateway::Api`) requires `BodyFormat` for mapped POST, PUT and PATCH APIs, while the CreateApi reference marks it optional; " +
			"off by default, enable it (`body-format-missing: error`) if you deploy through ROS.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CreateUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CreateUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /users, RequestMode: MAPPING, BodyFormat: FORM}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		rc := object(c.Root.Get("RequestConfig"))
		modeNode := rc.Get("RequestMode")
		if enumOf(modeNode, "MAPPING", "MAPPING_PASSTHROUGH", "PASSTHROUGH") != "MAPPING" || present(rc.Get("BodyFormat")) {
			return
		}
		switch m := requestMethod(c.Root); m {
		case "POST", "PUT", "PATCH":
			d := c.ReportNode(rc.Get("RequestHttpMethod"), "a %s API with RequestMode MAPPING has no BodyFormat: set FORM (form fields) or STREAM (raw body); ROS requires it", m)
			c.Related(d, modeNode.Range, "RequestMode")
		}
	},
}
