package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// FunctionComputeConfigIncomplete: a FunctionComputeConfig that does not say
// which function to call, where, or with which role.
//
// Terraform requires the region and the role for every Function Compute
// backend; an HTTP-trigger function is reached through its FcBaseUrl and an
// event function by FunctionName (docs/sources.md#function-compute). The
// gateway's own requirements are not documented, so this is a warning.
var FunctionComputeConfigIncomplete = &Rule{
	ID: "function-compute-config-incomplete", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `FunctionComputeConfig` lacks `FcRegionId` or `RoleArn`, or the function itself (`FcBaseUrl` for `FcType: HttpTrigger`, `FunctionName` for `FCEvent`)",
		Why: "To invoke a function the gateway needs its region, the RAM role it assumes to call Function Compute, and the function: the trigger URL " +
			"(`FcBaseUrl`) of an HTTP-trigger function or the `FunctionName` of an event function. Terraform refuses a Function Compute backend " +
			"without region and role; the gateway documents no list, hence a warning.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CreateOrder
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /orders, RequestMode: PASSTHROUGH}
ServiceConfig:
  ServiceProtocol: FunctionCompute
  ServiceTimeout: 10000
  FunctionComputeConfig:
    FcRegionId: cn-hangzhou
    FcType: HttpTrigger
    Path: /orders
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CreateOrder
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /orders, RequestMode: PASSTHROUGH}
ServiceConfig:
  ServiceProtocol: FunctionCompute
  ServiceTimeout: 10000
  FunctionComputeConfig:
    FcRegionId: cn-hangzhou
    FcType: HttpTrigger
    FcBaseUrl: https://order-create-xkfqzpwbae.cn-hangzhou.fcapp.run
    Path: /orders
    RoleArn: acs:ram::1274651984427511:role/aliyunapigatewayaccessingfcrole
`,
	},
	Check: func(c *Context) {
		sc := object(c.Root.Get("ServiceConfig"))
		fc := object(sc.Get("FunctionComputeConfig"))
		if backendKind(sc) != backendFC || !present(fc) {
			return // absent config: backend-config-mismatch
		}
		var missing []string
		for _, k := range []string{"FcRegionId", "RoleArn"} {
			if !has(c, fc, k) {
				missing = append(missing, k)
			}
		}
		typeNode := fc.Get("FcType")
		switch enumOf(typeNode, "FCEvent", "HttpTrigger") {
		case "HttpTrigger":
			if !has(c, fc, "FcBaseUrl") {
				missing = append(missing, "FcBaseUrl")
			}
		case "FCEvent":
			if !has(c, fc, "FunctionName") {
				missing = append(missing, "FunctionName")
			}
		}
		if len(missing) == 0 {
			return
		}
		verb := "is"
		if len(missing) > 1 {
			verb = "are"
		}
		c.Report(at(fc), fc.Pointer, "FunctionComputeConfig does not say enough to invoke the function: %s %s missing", joinKeys(missing), verb)
	},
}
