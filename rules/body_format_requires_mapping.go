package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// BodyFormatRequiresMapping: BodyFormat with a RequestMode that ignores it.
//
// "BodyFormat takes effect only when RequestMode is MAPPING" (the
// RequestConfig page, docs/sources.md#body-format). Ignored, not rejected: a
// warning.
var BodyFormatRequiresMapping = &Rule{
	ID: "body-format-requires-mapping", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`BodyFormat` is set while `RequestMode` is `PASSTHROUGH` or `MAPPING_PASSTHROUGH`, where it has no effect",
		Why: "`BodyFormat` (FORM or STREAM) tells the gateway how to read BODY parameters in order to map them; the vendor documents that it takes " +
			"effect only with `RequestMode: MAPPING`. In a pass-through mode the body is forwarded as it is, so the setting is ignored and suggests a " +
			"parsing that does not happen.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ReceiveEvent
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /events, RequestMode: PASSTHROUGH, BodyFormat: STREAM}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://events.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ReceiveEvent
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /events, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://events.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		rc := c.Root.Get("RequestConfig")
		bf := rc.Get("BodyFormat")
		modeNode := rc.Get("RequestMode")
		mode := enumOf(modeNode, "MAPPING", "MAPPING_PASSTHROUGH", "PASSTHROUGH")
		if !present(bf) || mode == "" || mode == "MAPPING" {
			return
		}
		d := c.ReportKey(bf, "BodyFormat takes effect only with RequestMode MAPPING, and RequestMode is %s: remove BodyFormat, or use MAPPING", mode)
		c.Related(d, modeNode.Range, "RequestMode")
	},
}
