package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// ContentTypeValueRequired: ContentTypeCatagory DEFAULT or CUSTOM without
// the ContentTypeValue it sends.
//
// ROS documents ContentTypeValue as required when ContentTypeCatagory is
// DEFAULT or CUSTOM (docs/sources.md#content-type); Terraform always sends a
// value with DEFAULT. Checked in ServiceConfig and in FunctionComputeConfig,
// which has its own pair. The key's misspelling is the vendor's.
var ContentTypeValueRequired = &Rule{
	ID: "content-type-value-required", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`ContentTypeCatagory: DEFAULT` or `CUSTOM` without a `ContentTypeValue` (in `ServiceConfig` or `FunctionComputeConfig`)",
		Why: "`ContentTypeCatagory` decides the Content-Type header the gateway sends to the backend: `CLIENT` passes the client's on, while `DEFAULT` " +
			"and `CUSTOM` send `ContentTypeValue`, which ROS therefore requires for both (e.g. `application/x-www-form-urlencoded; charset=UTF-8`, or " +
			"`application/json; charset=UTF-8`). The key is misspelt by the vendor; keep `Catagory`.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CreateUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://users.internal:8080
  ServiceTimeout: 3000
  ContentTypeCatagory: CUSTOM
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CreateUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://users.internal:8080
  ServiceTimeout: 3000
  ContentTypeCatagory: CUSTOM
  ContentTypeValue: application/json; charset=UTF-8
`,
	},
	Check: func(c *Context) {
		sc := object(c.Root.Get("ServiceConfig"))
		checkContentType(c, sc, "ServiceConfig")
		checkContentType(c, object(sc.Get("FunctionComputeConfig")), "FunctionComputeConfig")
	},
}

func checkContentType(c *Context, obj *source.Node, where string) {
	cat := obj.Get("ContentTypeCatagory")
	v := enumOf(cat, "DEFAULT", "CUSTOM", "CLIENT")
	if (v != "DEFAULT" && v != "CUSTOM") || has(c, obj, "ContentTypeValue") {
		return
	}
	c.ReportNode(cat, "ContentTypeCatagory %s sends ContentTypeValue as the backend's Content-Type, but %s has none: add ContentTypeValue (e.g. \"application/json; charset=UTF-8\"), or use CLIENT to pass the client's on", v, where)
}
