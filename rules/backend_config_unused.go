package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// BackendConfigUnused: settings for a backend type the API does not use.
//
// Each config object is described "used when ServiceProtocol is ..." or "used
// when ServiceVpcEnable is TRUE" (docs/sources.md#backend-configs); for
// another type the gateway has no use for it. Nothing says it is rejected, so
// this is a warning: usually a leftover from a changed backend, or a forgotten
// switch. UN_SPECIFIED (mixed backend) is never flagged, nor is a config that
// names no backend (see backendNames): tools send empty or defaulted configs
// for every API.
var BackendConfigUnused = &Rule{
	ID: "backend-config-unused", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`FunctionComputeConfig`, `OssConfig` or `EventBridgeConfig` names a backend for another `ServiceProtocol`, or `VpcConfig` names a VPC access without `ServiceVpcEnable: TRUE`",
		Why: "Only the settings of the chosen backend type are used. A `VpcConfig` without `ServiceVpcEnable: TRUE` means the backend is called on " +
			"`ServiceAddress` over the internet, which is rarely what someone who wrote a VPC config wants; a `FunctionComputeConfig` on an HTTP " +
			"backend is a leftover. Remove the unused block, or switch the backend type. " +
			"A config counts only when it names a backend: a function (`ServiceName`, `FunctionName`, `FcBaseUrl`, `Qualifier`, `Path`), " +
			"a bucket (`BucketName`, `Key`), an event bus (`EventBus`, `EventSource`) or a VPC access (`Name`, " +
			"`VpcId`, `InstanceId`, `Port`). Empty values, keys that only say how to call a backend (`FcType`, `Method`, `RoleArn`, the OSS `Action`, " +
			"`VpcScheme`, ...) and a region alone (`FcRegionId`, `OssRegionId`, `EventBridgeRegionId`) are what Terraform, Serverless Devs and the " +
			"console send for every API, and are not reported: the console and the OpenAPI Explorer fill in `FunctionComputeConfig` " +
			"`{FcType: FCEvent, FcRegionId: <the current region>}` and `OssConfig {Action: GetObject}` for an HTTP API, and SDK callers send them along.",
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
				if kind == cfg.kind || !namesBackend(v, cfg.key) {
					continue
				}
				d := c.Report(at(v), v.Pointer, "%s is set but ServiceProtocol is %s, so it is not used: remove it, or set ServiceProtocol %s", cfg.key, protoNode.Scalar(), cfg.kind)
				c.Related(d, protoNode.Range, "ServiceProtocol")
			}
		}
		if v := sc.Get("VpcConfig"); namesBackend(v, "VpcConfig") && !isTrueFlag(sc.Get("ServiceVpcEnable")) {
			d := c.Report(at(v), v.Pointer, "VpcConfig is set but ServiceVpcEnable is not TRUE, so the backend is not reached through the VPC: set ServiceVpcEnable \"TRUE\", or remove VpcConfig")
			if e := sc.Get("ServiceVpcEnable"); e != nil {
				c.Related(d, e.Range, "ServiceVpcEnable")
			}
		}
	},
}

// backendNames are, per backend config, the keys that name a backend: the
// function, the bucket, the event bus, the VPC access. The other keys only
// say how to call it (FcType, Method, OnlyBusinessPath, the content type,
// FcVersion, RoleArn, the OSS Action, VpcScheme), and tools fill them in
// for every API whatever its backend: Serverless Devs merges
// ossConfig {action: GetObject}, functionComputeConfig {fcType:
// HttpTrigger, method: ANY, roleArn: <its service role>, ...} and
// vpcConfig {vpcScheme: ""} into each API it creates (devsapp/apigateway
// src/common/entity.ts, src/index.ts). A region alone names no backend
// either: the console fills in FunctionComputeConfig {FcType: FCEvent,
// FcRegionId: <the current region>} for an HTTP API, and callers of
// alibabacloud_cloudapi20160714 copy it (testdata/realworld/requests,
// sdk-python-passthrough-proxy.json; docs/sources.md#backend-configs). A
// config that names no backend is no leftover of another one.
var backendNames = map[string][]string{
	"FunctionComputeConfig": {"ServiceName", "FunctionName", "FcBaseUrl", "Qualifier", "Path"},
	"OssConfig":             {"BucketName", "Key"},
	"EventBridgeConfig":     {"EventBus", "EventSource"},
	"VpcConfig":             {"Name", "VpcId", "InstanceId", "Port"},
}

// namesBackend reports whether a backend config names a backend (see
// backendNames). A value of the wrong type is the schema's to report.
func namesBackend(v *source.Node, key string) bool {
	return object(v) != nil && presentAny(v, backendNames[key]...)
}
