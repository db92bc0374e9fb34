package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// PathParamUnused: a PATH request parameter that the request path does not
// contain.
//
// The converse of path-param-undeclared (docs/sources.md#path-params): a PATH
// parameter takes its value from a "[name]" segment, so without one it never
// receives a value, and a REQUIRED one makes every call fail.
var PathParamUnused = &Rule{
	ID: "path-param-unused", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `RequestParameters` entry with `Location: PATH` whose `[name]` does not appear in `RequestConfig.RequestPath`",
		Why: "A PATH parameter gets its value from the matching `[name]` segment of the request path. If the path has no such segment the parameter " +
			"never has a value: the backend never receives it, and if it is REQUIRED every call is rejected. Usually the path or the name has a typo, " +
			"or the parameter belongs in QUERY.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: GET
  RequestPath: /users/[id]
  RequestMode: MAPPING
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: id, Location: PATH, ParameterType: String, Required: REQUIRED}
  - {ApiParameterName: fields, Location: PATH, ParameterType: String, Required: OPTIONAL}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: GET
  RequestPath: /users/[id]
  RequestMode: MAPPING
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: id, Location: PATH, ParameterType: String, Required: REQUIRED}
  - {ApiParameterName: fields, Location: QUERY, ParameterType: String, Required: OPTIONAL}
`,
	},
	Check: func(c *Context) {
		rc := c.Root.Get("RequestConfig")
		pathNode := rc.Get("RequestPath")
		if pathNode == nil || pathNode.Kind != source.String || unknown(pathNode) {
			return // no path (a schema error) or not known: nothing to compare with
		}
		escaped := rc.Get("EscapePathParam").IsTrue()
		inPath := map[string]bool{}
		if !escaped {
			for _, pp := range pathParams(pathNode.Scalar()) {
				inPath[pp.Name] = true
			}
		}
		for _, p := range requestParams(c.Root) {
			if p.Location != "PATH" || inPath[p.Name] {
				continue
			}
			msg := "PATH parameter %q does not appear in RequestPath %q: add [%s] to the path, or give the parameter another Location"
			if escaped {
				msg = "PATH parameter %q cannot receive a value: EscapePathParam is true, so RequestPath %q has no path parameters; remove EscapePathParam to make [%s] one, or give the parameter another Location"
			}
			d := c.ReportNode(p.NameNode, msg, p.Name, pathNode.Scalar(), p.Name)
			c.Related(d, pathNode.Range, "the request path")
		}
	},
}
