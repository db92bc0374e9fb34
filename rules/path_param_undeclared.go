package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/schema"
)

// PathParamUndeclared: a "[name]" in RequestPath that no PATH request
// parameter declares.
//
// The gateway fills "[name]" from the request parameter of that name with
// Location PATH; every working definition in the vendor's SDK examples,
// Serverless Devs and Terraform declares one (docs/sources.md#path-params; the
// vendor does not state the rule in words). Without it the value cannot be
// validated or mapped to the backend. EscapePathParam: true makes brackets
// literal text, and then nothing is checked.
var PathParamUndeclared = &Rule{
	ID: "path-param-undeclared", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `[name]` in `RequestConfig.RequestPath` has no `RequestParameters` entry with `Location: PATH` and that name",
		Why: "A path parameter is declared like any other request parameter: name, `Location: PATH`, type, required. The gateway uses the declaration " +
			"to match the path segment and to pass the value on through `ServiceParametersMap`; an undeclared `[userId]` is a segment the backend never receives. " +
			"Set `EscapePathParam: true` in RequestConfig if the brackets are meant literally.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: GET
  RequestPath: /users/[userId]
  RequestMode: MAPPING
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig:
  RequestProtocol: HTTPS
  RequestHttpMethod: GET
  RequestPath: /users/[userId]
  RequestMode: MAPPING
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: userId, Location: PATH, ParameterType: String, Required: REQUIRED}
`,
	},
	Check: func(c *Context) {
		rc := c.Root.Get("RequestConfig")
		pathNode := rc.Get("RequestPath")
		if rc.Get("EscapePathParam").IsTrue() || pathNode == nil || unreadable(c.Root, "RequestParameters") {
			return
		}
		params := requestParams(c.Root)
		var pathNames []string
		for _, p := range params {
			if p.Location == "PATH" {
				pathNames = append(pathNames, p.Name)
			}
		}
		for _, pp := range pathParams(pathNode.Scalar()) {
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
			if declared != nil {
				continue
			}
			r := subRange(pathNode, pp.Start, pp.End)
			if elsewhere != nil {
				d := c.Report(r, pathNode.Pointer, "path parameter %q is declared with Location %s; a parameter in the path needs Location PATH", pp.Name, elsewhere.Location)
				c.Related(d, elsewhere.LocNode.Range, "declared here with Location "+elsewhere.Location)
				continue
			}
			msg := "path parameter %q is not declared in RequestParameters: add an entry with ApiParameterName %q and Location PATH"
			if s := schema.Suggest(pp.Name, pathNames); s != "" {
				d := c.Report(r, pathNode.Pointer, msg+"; did you mean the PATH parameter %q?", pp.Name, pp.Name, s)
				for _, p := range params {
					if p.Name == s && p.Location == "PATH" {
						c.Related(d, p.NameNode.Range, "PATH parameter "+quote(s)+" is declared here")
						break
					}
				}
				continue
			}
			c.Report(r, pathNode.Pointer, msg, pp.Name, pp.Name)
		}
	},
}

func quote(s string) string { return `"` + s + `"` }
