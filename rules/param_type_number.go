package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// ParamTypeNumber: a request parameter of type Number.
//
// The request parameter types are String, Int, Long, Float, Double and
// Boolean (the RequestParameter page, doc 43986, and ROS's allowed values;
// Array and File are implied by ArrayItemsType). NUMBER is a type of backend
// parameters only (the ServiceParameter page, doc 43988). Alibaba's Serverless Framework
// provider, aliyun/serverless-aliyun-function-compute, nevertheless emits
// ParameterType "Number" for `type: number` in the request parameters it
// compiles, and its tests expect it; no source shows the gateway accepting
// or refusing it. The schema therefore accepts it (where the sources are
// uncertain, apigwlint accepts the input, at most with a warning), and this
// warning asks for a documented type (docs/sources.md#parameter-types).
var ParamTypeNumber = &Rule{
	ID: "param-type-number", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a request parameter's `ParameterType` is `Number`, a type only backend parameters document; use `Int`, `Long`, `Float` or `Double`",
		Why: "The request parameter types are String, Int, Long, Float, Double and Boolean (ROS's specification; Array and File are implied by " +
			"`ArrayItemsType`). `NUMBER` is documented only for backend (`ServiceParameters`) types. Alibaba's Serverless Framework provider " +
			"(aliyun/serverless-aliyun-function-compute) writes `Number` for `type: number` in the request parameters it compiles, but no source shows " +
			"what the gateway does with it: it may refuse the API, or not validate the value as a number. A documented type says what you mean.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: page, Location: QUERY, ParameterType: Number, Required: OPTIONAL}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: page, Location: QUERY, ParameterType: Int, Required: OPTIONAL}
`,
	},
	Check: func(c *Context) {
		for _, it := range items(c.Root.Get("RequestParameters")) {
			if v := it.Get("ParameterType"); enumOf(v, "Number") != "" {
				c.ReportNode(v, "ParameterType %q is documented only for backend parameters; a request parameter is Int, Long, Float or Double (a number) or String", v.Scalar())
			}
		}
	},
}
