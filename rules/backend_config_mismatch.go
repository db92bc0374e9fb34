package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// BackendConfigMismatch: a ServiceConfig whose backend type lacks the
// settings that type needs.
//
// ServiceVpcEnable TRUE needs VpcConfig, FunctionCompute needs
// FunctionComputeConfig, OSS and EventBridge need their configs (the only
// place their bucket or bus can be named), Mock TRUE needs MockResult
// (Terraform requires it), and an HTTP backend needs ServiceAddress unless
// it is reached through a VPC or mocked (docs/sources.md#backend-configs). With
// BackendEnable true the API uses a separately created backend
// (docs/sources.md#backend-enable), so
// the inline address is not required.
var BackendConfigMismatch = &Rule{
	ID: "backend-config-mismatch", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "the backend settings contradict the backend type: VPC without `VpcConfig`, FunctionCompute without `FunctionComputeConfig`, OSS without `OssConfig`, EventBridge without `EventBridgeConfig`, Mock without `MockResult`, HTTP without `ServiceAddress`",
		Why: "`ServiceProtocol` (and the `ServiceVpcEnable` and `Mock` switches) choose how the gateway reaches the backend; each way needs its own " +
			"settings: the VPC access to use, the function to invoke, the bucket or event bus, the mock response, or the backend address. " +
			"Without them the gateway has nowhere to send the request.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: CreateOrder
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /orders, RequestMode: PASSTHROUGH}
ServiceConfig:
  ServiceProtocol: FunctionCompute
  ServiceTimeout: 10000
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
    Method: POST
    RoleArn: acs:ram::1274651984427511:role/aliyunapigatewayaccessingfcrole
`,
	},
	Check: func(c *Context) {
		sc := object(c.Root.Get("ServiceConfig"))
		if sc == nil {
			return
		}
		protoNode := sc.Get("ServiceProtocol")
		kind := backendKind(sc)
		vpcNode := sc.Get("ServiceVpcEnable")
		vpc := isTrueFlag(vpcNode)
		mockNode := sc.Get("Mock")
		mock := isTrueFlag(mockNode)

		if vpc && !vpcConfigured(sc.Get("VpcConfig")) && (sc.Get("VpcConfig") != nil || !has(c, sc, "VpcConfig")) {
			d := c.ReportNode(vpcNode, "ServiceVpcEnable is TRUE but ServiceConfig has no VpcConfig naming the VPC access: add VpcConfig with Name (the VPC access authorization), or VpcId, InstanceId and Port")
			if v := sc.Get("VpcConfig"); v != nil {
				c.Related(d, at(v), "VpcConfig names nothing here")
			}
		}
		need := map[string]string{
			backendFC:          "FunctionComputeConfig",
			backendOSS:         "OssConfig",
			backendEventBridge: "EventBridgeConfig",
		}
		what := map[string]string{
			backendFC:          "the function to invoke (FcRegionId, FunctionName or FcBaseUrl, RoleArn, ...)",
			backendOSS:         "the bucket and object (OssRegionId, BucketName, Key, Action)",
			backendEventBridge: "the event bus (EventBridgeRegionId, EventBus, EventSource, RoleArn)",
		}
		if key, ok := need[kind]; ok && !mock && !has(c, sc, key) {
			d := c.ReportNode(protoNode, "ServiceProtocol %s needs %s with %s", kind, key, what[kind])
			if v := sc.Get(key); v != nil {
				c.Related(d, at(v), key+" is empty here")
			}
		}
		if mock {
			// The one place where "" counts as a value: an empty mock
			// response body is a response (Terraform sends mockResult
			// from its required result argument, which may be empty).
			if r := sc.Get("MockResult"); (r == nil || r.Kind == source.Null) && !has(c, sc, "MockResult") {
				c.ReportNode(mockNode, "Mock is TRUE but ServiceConfig has no MockResult: add the response body the gateway should return (it may be an empty string)")
			}
		}
		if kind == backendHTTP && !vpc && !mock && !has(c, sc, "ServiceAddress") && !c.Root.Get("BackendEnable").IsTrue() {
			c.ReportNode(protoNode, "an HTTP backend needs ServiceAddress (scheme and host, e.g. http://api.example.com:8080), unless it is reached through a VPC (ServiceVpcEnable TRUE with VpcConfig) or mocked (Mock TRUE)")
		}
	},
}

// vpcConfigured reports whether a VpcConfig names a VPC access: Terraform
// sends only Name, ROS requires VpcId, InstanceId and Port
// (docs/sources.md#backend-configs), so any of them counts.
func vpcConfigured(v *source.Node) bool {
	if v != nil && v.Kind != source.Object && v.Kind != source.Null {
		return true // the wrong type: the schema reports it
	}
	return presentAny(v, backendNames["VpcConfig"]...)
}
