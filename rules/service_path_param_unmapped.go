package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/schema"
)

// ServicePathParamUnmapped: a "[name]" in the backend path that no backend
// parameter fills.
//
// The backend path (ServiceConfig.ServicePath, or FunctionComputeConfig.Path
// for Function Compute) is filled from ServiceParameters entries with Location
// PATH, which take their values from a request parameter through
// ServiceParametersMap, or from a system or constant parameter
// (docs/sources.md#service-path-params). A placeholder nothing fills reaches
// the backend as the literal text "[name]".
var ServicePathParamUnmapped = &Rule{
	ID: "service-path-param-unmapped", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `[name]` in `ServiceConfig.ServicePath` (or `FunctionComputeConfig.Path`) is not a PATH service parameter fed by a request, system or constant parameter",
		Why: "The gateway builds the backend path from `ServiceParameters` entries with `Location: PATH`. Each takes its value from a request parameter " +
			"(through `ServiceParametersMap`), a system parameter or a constant. A placeholder that nothing fills is sent to the backend as the literal " +
			"text `[name]`, so every call reaches the wrong URL.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: '/users/[userId]', RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServicePath: '/v1/users/[id]', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: userId, Location: PATH, ParameterType: String, Required: REQUIRED}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: '/users/[userId]', RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServicePath: '/v1/users/[id]', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: userId, Location: PATH, ParameterType: String, Required: REQUIRED}
ServiceParameters:
  - {ServiceParameterName: id, Location: PATH, Type: String, ParameterCatalog: REQUEST}
ServiceParametersMap:
  - {ServiceParameterName: id, RequestParameterName: userId}
`,
	},
	Check: func(c *Context) {
		pathNode := backendPath(c.Root)
		if pathNode == nil || unreadable(c.Root, "ServiceParameters") {
			return
		}
		key := "ServicePath"
		if backendKind(c.Root.Get("ServiceConfig")) == backendFC {
			key = "FunctionComputeConfig.Path"
		}
		params := serviceParams(c.Root)
		var pathNames []string
		for _, p := range params {
			if p.Location == "PATH" {
				pathNames = append(pathNames, p.Name)
			}
		}
		for _, pp := range pathParams(pathNode.Scalar()) {
			r := subRange(pathNode, pp.Start, pp.End)
			var declared, elsewhere *param
			for i := range params {
				if params[i].Name != pp.Name {
					continue
				}
				if params[i].Location == "PATH" {
					declared = &params[i]
					break
				}
				if params[i].Location != "" && elsewhere == nil {
					elsewhere = &params[i]
				}
			}
			switch {
			case declared != nil:
				if fed(c.Root, pp.Name) || declared.Catalog == "REQUEST" || declared.Catalog == "" {
					// Fed, or a REQUEST parameter without a map entry,
					// which param-map-dangling reports.
					continue
				}
				d := c.Report(r, pathNode.Pointer, "backend path parameter %q receives no value: its %s service parameter has no %s entry with ServiceParameterName %q",
					pp.Name, declared.Catalog, map[string]string{"SYSTEM": "SystemParameters", "CONSTANT": "ConstantParameters"}[declared.Catalog], pp.Name)
				c.Related(d, declared.NameNode.Range, "the service parameter")
			case elsewhere != nil:
				d := c.Report(r, pathNode.Pointer, "backend path parameter %q is a service parameter with Location %s; a parameter in %s needs Location PATH", pp.Name, elsewhere.Location, key)
				c.Related(d, elsewhere.LocNode.Range, "declared here with Location "+elsewhere.Location)
			default:
				msg := "backend path parameter %q is not a ServiceParameters entry: add one with ServiceParameterName %q and Location PATH, and map it to the request parameter that supplies the value"
				if s := schema.Suggest(pp.Name, pathNames); s != "" {
					c.Report(r, pathNode.Pointer, msg+"; did you mean the PATH service parameter %q?", pp.Name, pp.Name, s)
					continue
				}
				c.Report(r, pathNode.Pointer, msg, pp.Name, pp.Name)
			}
		}
	},
}
