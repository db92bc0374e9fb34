package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// ServicePathParamUnused: a PATH backend parameter that the backend path
// does not contain.
//
// ROS documents that FunctionComputeConfig.Path "must contain the PATH service
// parameters in []" (docs/sources.md#service-path-params); the same holds for
// ServicePath, the only place a PATH parameter can go. Checked only when the
// path is given: a Function Compute event function has no path and receives
// path parameters in its event (Serverless Devs example).
var ServicePathParamUnused = &Rule{
	ID: "service-path-param-unused", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `ServiceParameters` entry with `Location: PATH` whose `[name]` does not appear in `ServicePath` (or `FunctionComputeConfig.Path`)",
		Why: "A backend PATH parameter is substituted into the backend path at its `[name]`. If the path has no such placeholder the value is dropped " +
			"and the backend is called on a path without it. For Function Compute backends ROS states that `FunctionComputeConfig.Path` must contain " +
			"every PATH service parameter in brackets.",
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
		pathNode := backendPath(c.Root)
		if pathNode == nil {
			return
		}
		key := "ServicePath"
		if backendKind(c.Root.Get("ServiceConfig")) == backendFC {
			key = "FunctionComputeConfig.Path"
		}
		inPath := map[string]bool{}
		for _, pp := range pathParams(pathNode.Scalar()) {
			inPath[pp.Name] = true
		}
		for _, p := range serviceParams(c.Root) {
			if p.Location != "PATH" || inPath[p.Name] {
				continue
			}
			d := c.ReportNode(p.NameNode, "PATH service parameter %q does not appear in %s %q: add [%s] where the backend expects it, or give the parameter another Location",
				p.Name, key, pathNode.Scalar(), p.Name)
			c.Related(d, pathNode.Range, "the backend path")
		}
	},
}
