package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// ParamConstraintType: a validation setting that does not apply to the
// parameter's type.
//
// The RequestParameter page (docs/sources.md#param-constraints):
// MaxValue/MinValue only for Int, Long, Float and Double; MaxLength,
// MinLength, RegularExpression and JsonScheme only for String; EnumValue for
// numeric types and String. Documented as "only for", not as rejected, so the
// setting is presumably ignored: a warning.
var ParamConstraintType = &Rule{
	ID: "param-constraint-type", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a request parameter sets a validation that its `ParameterType` does not support (e.g. `MaxLength` on an `Int`, `MaxValue` on a `String`)",
		Why: "The gateway validates `MaxValue`/`MinValue` only for Int, Long, Float and Double; `MaxLength`, `MinLength`, `RegularExpression` and " +
			"`JsonScheme` only for String; `EnumValue` only for numeric types and String. On another type the setting is not applied, so values " +
			"you meant to reject reach the backend. Usually the type is wrong (a numeric ID declared as Int but limited by length).",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: pageSize, Location: QUERY, ParameterType: Int, Required: OPTIONAL, MaxLength: 3}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: pageSize, Location: QUERY, ParameterType: Int, Required: OPTIONAL, MaxValue: 100}
`,
	},
	Check: func(c *Context) {
		for _, p := range requestParams(c.Root) {
			typeNode := p.Item.Get("ParameterType")
			typ := enumOf(typeNode, paramTypes...)
			if typ == "" {
				continue
			}
			numeric := isNumericType(typ)
			for _, k := range []struct {
				key, applies string
				ok           bool
			}{
				{"MaxValue", "Int, Long, Float and Double", numeric},
				{"MinValue", "Int, Long, Float and Double", numeric},
				{"MaxLength", "String", typ == "String"},
				{"MinLength", "String", typ == "String"},
				{"RegularExpression", "String", typ == "String"},
				{"JsonScheme", "String", typ == "String"},
				{"EnumValue", "String, Int, Long, Float and Double", numeric || typ == "String"},
			} {
				v := p.Item.Get(k.key)
				if k.ok || !present(v) {
					continue
				}
				d := c.ReportKey(v, "%s applies only to %s parameters, and %q is %s: the gateway does not check it; change ParameterType or remove %s",
					k.key, k.applies, p.Name, typ, k.key)
				c.Related(d, typeNode.Range, "ParameterType")
			}
		}
	},
}

// paramTypes are the request parameter types (docs/sources.md#parameter-types).
var paramTypes = []string{"String", "Int", "Long", "Float", "Double", "Boolean", "Array", "File"}

func isNumericType(t string) bool {
	switch t {
	case "Int", "Long", "Float", "Double":
		return true
	}
	return false
}
