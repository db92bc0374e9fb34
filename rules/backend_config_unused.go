package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// BackendConfigUnused: settings for a backend type the API does not use.
//
// Each config object is described "used when ServiceProtocol is ..." or "used
// when ServiceVpcEnable is TRUE" (docs/sources.md#backend-configs); for
// another type the gateway has no use for it. Nothing says it is rejected, so
// this is a warning: usually a leftover from a changed backend, or a forgotten
// switch. UN_SPECIFIED (mixed backend) is never flagged.
var BackendConfigUnused = &Rule{
	ID: "backend-config-unused", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`FunctionComputeConfig`, `OssConfig` or `EventBridgeConfig` is set for another `ServiceProtocol`, or `VpcConfig` without `ServiceVpcEnable: TRUE`",
		Why: "Only the settings of the chosen backend type are used. A `VpcConfig` without `ServiceVpcEnable: TRUE` means the backend is called on " +
			"`ServiceAddress` over the internet, which is rarely what someone who wrote a VPC config wants; a `FunctionComputeConfig` on an HTTP " +
			"backend is a leftover. Remove the unused block, or switch the backend type.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: UpdateUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: PUT, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceAddress: http://users.internal:8080
  ServiceTimeout: 5000
  VpcConfig: {Name: user-service-slb}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: UpdateUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: PUT, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig:
  ServiceProtocol: HTTP
  ServiceTimeout: 5000
  ServiceVpcEnable: 'TRUE'
  VpcConfig: {Name: user-service-slb}
`,
	},
	Check: func(c *Context) {
		sc := object(c.Root.Get("ServiceConfig"))
		kind := backendKind(sc)
		protoNode := sc.Get("ServiceProtocol")
		if kind != "" && kind != backendMixed {
			for _, cfg := range []struct{ key, kind string }{
				{"FunctionComputeConfig", backendFC}, {"OssConfig", backendOSS}, {"EventBridgeConfig", backendEventBridge},
			} {
				v := sc.Get(cfg.key)
				if kind == cfg.kind || !present(v) {
					continue
				}
				d := c.Report(at(v), v.Pointer, "%s is set but ServiceProtocol is %s, so it is not used: remove it, or set ServiceProtocol %s", cfg.key, protoNode.Scalar(), cfg.kind)
				c.Related(d, protoNode.Range, "ServiceProtocol")
			}
		}
		if v := sc.Get("VpcConfig"); present(v) && !isTrueFlag(sc.Get("ServiceVpcEnable")) {
			d := c.Report(at(v), v.Pointer, "VpcConfig is set but ServiceVpcEnable is not TRUE, so the backend is not reached through the VPC: set ServiceVpcEnable \"TRUE\", or remove VpcConfig")
			if e := sc.Get("ServiceVpcEnable"); e != nil {
				c.Related(d, e.Range, "ServiceVpcEnable")
			}
		}
	},
}
