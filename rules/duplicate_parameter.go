package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// DuplicateParameter: two parameters of one list with the same name in the
// same location.
//
// A client can send only one value per name and location, and
// ServiceParametersMap refers to parameters by name, so a second entry is
// either ignored or makes the mapping ambiguous; the gateway rejects
// repeated parameters. Header names compare ignoring case, as HTTP does.
var DuplicateParameter = &Rule{
	ID: "duplicate-parameter", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "two request parameters (or two service, system or constant parameters) with the same name in the same location",
		Why: "Each parameter is one value at one place of the request: `Location` and name together identify it, and the map refers to it by name. " +
			"A second entry with the same name and location is a copy-paste slip; which of the two definitions (type, required, validation) applies " +
			"cannot be known. Header names are compared ignoring case, as HTTP does (`X-Request-Id` and `x-request-id` are one header).",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: page, Location: QUERY, ParameterType: Int, Required: OPTIONAL}
  - {ApiParameterName: page, Location: QUERY, ParameterType: String, Required: REQUIRED}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: page, Location: QUERY, ParameterType: Int, Required: OPTIONAL}
  - {ApiParameterName: pageSize, Location: QUERY, ParameterType: Int, Required: OPTIONAL}
`,
	},
	Check: func(c *Context) {
		checkDuplicates(c, "RequestParameters", "request parameter", requestParams(c.Root))
		checkDuplicates(c, "ServiceParameters", "service parameter", serviceParams(c.Root))
		checkDuplicates(c, "SystemParameters", "system parameter", systemParams(c.Root))
		checkDuplicates(c, "ConstantParameters", "constant parameter", constantParams(c.Root))
	},
}

func checkDuplicates(c *Context, list, what string, params []param) {
	for i, p := range params {
		if p.Location == "" {
			continue // unknown location: the schema reports it
		}
		for _, q := range params[:i] {
			if q.Location != p.Location || !sameName(p, q) {
				continue
			}
			var d *diag.Diagnostic
			if p.Name == q.Name {
				d = c.ReportNode(p.NameNode, "%s %q appears twice in %s with Location %s: remove one, or rename it", what, p.Name, list, p.Location)
			} else {
				d = c.ReportNode(p.NameNode, "%s %q is the same header as %q (header names ignore case), declared twice in %s: remove one, or rename it", what, p.Name, q.Name, list)
			}
			c.Related(d, q.NameNode.Range, "first declared here")
			break
		}
	}
}
