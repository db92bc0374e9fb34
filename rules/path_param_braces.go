package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// PathParamBraces: an OpenAPI-style "{name}" in a request or backend path.
//
// The gateway's path parameters are written "[name]" (the CreateApi
// examples, /v3/getUserTest/[userId]; no source shows another syntax);
// "{name}" is literal text, so the API
// matches only requests whose path holds the braces themselves, and the
// backend is called on a path with braces in it. A production deploy
// script wrote /accounts/{account_id}/recharges in both paths
// (quanttide/quanttide-platform scripts/api-gateway/deploy.sh). Nothing says
// the gateway refuses it, so this is a warning. "${VAR}" and "{{ var }}",
// which a deployment tool fills in, are not reported
// (docs/sources.md#path-param-braces).
var PathParamBraces = &Rule{
	ID: "path-param-braces", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a `{name}` in `RequestPath`, `ServicePath` or `FunctionComputeConfig.Path`, which the gateway takes as literal text; path parameters are written `[name]`",
		Why: "API Gateway writes path parameters in square brackets, `/users/[userId]`. Curly braces, as OpenAPI writes them, are not a parameter: " +
			"the gateway takes `{userId}` as literal text, so the API matches only a request whose path holds the braces themselves (clients must send " +
			"`%7BuserId%7D`), and a backend path with braces calls the backend on that literal path. A production deploy script created " +
			"`/accounts/{account_id}/recharges` that way (quanttide/quanttide-platform scripts/api-gateway/deploy.sh). Write `[name]` and declare the " +
			"parameter with `Location: PATH`. Placeholders that a deployment tool fills in (`${VAR}`, `{{ var }}`) are not reported.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListRecharges
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: '/accounts/{accountId}/recharges', RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://pay.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListRecharges
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: '/accounts/[accountId]/recharges', RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://pay.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: accountId, Location: PATH, ParameterType: String, Required: REQUIRED}
`,
	},
	Check: func(c *Context) {
		sc := c.Root.Get("ServiceConfig")
		for _, p := range []struct {
			name string
			node *source.Node
		}{
			{"RequestPath", c.Root.Get("RequestConfig").Get("RequestPath")},
			{"ServicePath", sc.Get("ServicePath")},
			{"FunctionComputeConfig.Path", sc.Get("FunctionComputeConfig").Get("Path")},
		} {
			if p.node == nil || p.node.Kind != source.String {
				continue
			}
			for _, b := range braceParams(p.node.Value) {
				c.Report(subRange(p.node, b.Start, b.End), p.node.Pointer,
					"{%s} in %s is literal text to the gateway, not a path parameter; did you mean [%s]?", b.Name, p.name, b.Name)
			}
		}
	},
}

// braceParams finds the "{name}" segments of a path, as pathParams finds
// "[name]" ones: the name holds neither braces nor '/', and is not empty.
// "${name}" and "{{ name }}", which a deployment tool fills in, are left
// out.
func braceParams(path string) []pathParam {
	var out []pathParam
	runes := []rune(path)
	for i := 0; i < len(runes); i++ {
		if runes[i] != '{' {
			continue
		}
		if (i > 0 && (runes[i-1] == '$' || runes[i-1] == '{')) || (i+1 < len(runes) && runes[i+1] == '{') {
			continue // a template placeholder
		}
		for j := i + 1; j < len(runes); j++ {
			if runes[j] == '{' || runes[j] == '/' {
				break
			}
			if runes[j] == '}' {
				if j > i+1 {
					out = append(out, pathParam{Name: string(runes[i+1 : j]), Start: i, End: j + 1})
				}
				i = j
				break
			}
		}
	}
	return out
}
