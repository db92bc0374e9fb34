package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// ServicePathParamUnused: a PATH backend parameter that the backend path
// does not contain.
//
// ROS documents that FunctionComputeConfig.Path "must contain the PATH
// service parameters in []" (docs/sources.md#service-path-params); the same
// holds for ServicePath, the only place a PATH parameter can go. A path that
// is absent, empty or "/" has no placeholder either, so it is checked like
// any other. A Function Compute event function is not checked at all: it
// has no backend path, and receives the path parameters in its event
// (devsapp/apigateway example/s.yaml maps [id] to a PATH service
// parameter with fcType FCEvent and servicePath /).
var ServicePathParamUnused = &Rule{
	ID: "service-path-param-unused", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `ServiceParameters` entry with `Location: PATH` whose `[name]` does not appear in `ServicePath` (or `FunctionComputeConfig.Path`)",
		Why: "A backend PATH parameter is substituted into the backend path at its `[name]`. If the path has no such placeholder the value is dropped " +
			"and the backend is called on a path without it. For Function Compute backends ROS states that `FunctionComputeConfig.Path` must contain " +
			"every PATH service parameter in brackets. A path that is not set, empty or `/` has no placeholder either, and is reported the same way. " +
			"A Function Compute event function (`FcType: FCEvent`, or no `FcBaseUrl` to call) is not checked: it is invoked, not called on a path, and " +
			"receives the path parameters in its event; Serverless Devs' own example maps `[id]` to a PATH service parameter of an `FCEvent` function " +
			"(devsapp/apigateway example/s.yaml).",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: '/users/[userId]', RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServicePath: /v1/users, ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: userId, Location: PATH, ParameterType: String, Required: REQUIRED}
ServiceParameters:
  - {ServiceParameterName: userId, Location: PATH, Type: String, ParameterCatalog: REQUEST}
ServiceParametersMap:
  - {ServiceParameterName: userId, RequestParameterName: userId}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: '/users/[userId]', RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServicePath: '/v1/users/[userId]', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: userId, Location: PATH, ParameterType: String, Required: REQUIRED}
ServiceParameters:
  - {ServiceParameterName: userId, Location: PATH, Type: String, ParameterCatalog: REQUEST}
ServiceParametersMap:
  - {ServiceParameterName: userId, RequestParameterName: userId}
`,
	},
	Check: func(c *Context) {
		sc := c.Root.Get("ServiceConfig")
		if isTrueFlag(sc.Get("Mock")) {
			return // a mock calls no backend
		}
		kind := backendKind(sc)
		key := "ServicePath"
		switch kind {
		case backendHTTP:
		case backendFC:
			if fcEvent(sc) {
				return
			}
			key = "FunctionComputeConfig.Path"
		default:
			// OSS and EventBridge have no path; an unknown or mixed
			// backend is checked only where it gives one.
			if backendPath(c.Root) == nil {
				return
			}
		}
		if backendPathUnknown(c.Root) {
			return // a path not known statically may hold any placeholder
		}
		pathNode := backendPath(c.Root)
		inPath := map[string]bool{}
		for _, pp := range pathParams(pathNode.Scalar()) {
			inPath[pp.Name] = true
		}
		for _, p := range serviceParams(c.Root) {
			if p.Location != "PATH" || inPath[p.Name] {
				continue
			}
			if pathNode == nil {
				if c.Root.Get("BackendEnable").IsTrue() {
					continue // the backend service may give the path; undocumented
				}
				c.ReportNode(p.NameNode, "PATH service parameter %q has no place in the backend path: %s is not set, so the value is dropped; set %s with [%s] where the backend expects it, or give the parameter another Location",
					p.Name, key, key, p.Name)
				continue
			}
			d := c.ReportNode(p.NameNode, "PATH service parameter %q does not appear in %s %q: add [%s] where the backend expects it, or give the parameter another Location",
				p.Name, key, pathNode.Scalar(), p.Name)
			c.Related(d, pathNode.Range, "the backend path")
		}
	},
}

// fcEvent reports whether a ServiceConfig invokes a Function Compute event
// function: FcType FCEvent, or no FcBaseUrl to call (the type defaults to
// FCEvent in ROS, and Terraform sends "" for it). Such a function has no
// backend path; the request reaches it as an event.
func fcEvent(sc *source.Node) bool {
	if backendKind(sc) != backendFC {
		return false
	}
	fc := sc.Get("FunctionComputeConfig")
	return enumOf(fc.Get("FcType"), "FCEvent", "HttpTrigger") == "FCEvent" || !present(fc.Get("FcBaseUrl"))
}
