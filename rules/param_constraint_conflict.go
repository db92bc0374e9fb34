package rules

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// ParamConstraintConflict: validation settings of one request parameter
// that contradict each other.
//
// A minimum above its maximum accepts no value at all; a DefaultValue that
// breaks the parameter's own limits or enum is substituted for a missing
// value and then fails or reaches the backend unvalidated. Not a documented
// gateway check, but never intended (the constraints:
// docs/sources.md#param-constraints).
var ParamConstraintConflict = &Rule{
	ID: "param-constraint-conflict", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "a request parameter's `MinValue` is above its `MaxValue` (or `MinLength` above `MaxLength`), or its `DefaultValue` breaks its own limits or `EnumValue`",
		Why: "With the minimum above the maximum no value passes validation, so every call that sends the parameter is rejected. A `DefaultValue` " +
			"outside the parameter's own range, length or enum is what the gateway uses when the client omits the parameter: the backend gets a value " +
			"the API promises never to send. Usually two numbers were swapped or the enum was changed without the default.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: pageSize, Location: QUERY, ParameterType: Int, Required: OPTIONAL, MinValue: 100, MaxValue: 1}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: pageSize, Location: QUERY, ParameterType: Int, Required: OPTIONAL, MinValue: 1, MaxValue: 100, DefaultValue: '20'}
`,
	},
	Check: func(c *Context) {
		for _, p := range requestParams(c.Root) {
			checkConstraints(c, p)
		}
	},
}

func number(n *source.Node) (float64, bool) {
	if n == nil || (n.Kind != source.Number && n.Kind != source.String) {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(n.Scalar()), 64)
	return f, err == nil
}

func checkConstraints(c *Context, p param) {
	it := p.Item
	typ := enumOf(it.Get("ParameterType"), paramTypes...)
	minV, hasMinV := number(it.Get("MinValue"))
	maxV, hasMaxV := number(it.Get("MaxValue"))
	minL, hasMinL := number(it.Get("MinLength"))
	maxL, hasMaxL := number(it.Get("MaxLength"))
	if hasMinV && hasMaxV && minV > maxV {
		d := c.ReportNode(it.Get("MinValue"), "MinValue %s of %q is above its MaxValue %s, so no value passes: swap them", it.Get("MinValue").Scalar(), p.Name, it.Get("MaxValue").Scalar())
		c.Related(d, it.Get("MaxValue").Range, "MaxValue")
	}
	if hasMinL && hasMaxL && minL > maxL {
		d := c.ReportNode(it.Get("MinLength"), "MinLength %s of %q is above its MaxLength %s, so no value passes: swap them", it.Get("MinLength").Scalar(), p.Name, it.Get("MaxLength").Scalar())
		c.Related(d, it.Get("MaxLength").Range, "MaxLength")
	}
	defNode := it.Get("DefaultValue")
	if defNode == nil || defNode.Kind == source.Null || templated(defNode.Scalar()) {
		return
	}
	def := defNode.Scalar()
	if isNumericType(typ) {
		v, err := strconv.ParseFloat(strings.TrimSpace(def), 64)
		if err != nil {
			if def != "" {
				c.ReportNode(defNode, "DefaultValue %q of %s parameter %q is not a number", def, typ, p.Name)
			}
			return
		}
		if hasMinV && v < minV && !(hasMaxV && minV > maxV) {
			d := c.ReportNode(defNode, "DefaultValue %s of %q is below its MinValue %s", def, p.Name, it.Get("MinValue").Scalar())
			c.Related(d, it.Get("MinValue").Range, "MinValue")
		}
		if hasMaxV && v > maxV && !(hasMinV && minV > maxV) {
			d := c.ReportNode(defNode, "DefaultValue %s of %q is above its MaxValue %s", def, p.Name, it.Get("MaxValue").Scalar())
			c.Related(d, it.Get("MaxValue").Range, "MaxValue")
		}
	}
	if typ == "String" {
		n := float64(utf8.RuneCountInString(def))
		if hasMinL && n < minL && def != "" && !(hasMaxL && minL > maxL) {
			d := c.ReportNode(defNode, "DefaultValue %q of %q is shorter than its MinLength %s", def, p.Name, it.Get("MinLength").Scalar())
			c.Related(d, it.Get("MinLength").Range, "MinLength")
		}
		if hasMaxL && n > maxL && !(hasMinL && minL > maxL) {
			d := c.ReportNode(defNode, "DefaultValue %q of %q is longer than its MaxLength %s", def, p.Name, it.Get("MaxLength").Scalar())
			c.Related(d, it.Get("MaxLength").Range, "MaxLength")
		}
	}
	enumNode := it.Get("EnumValue")
	if def == "" || enumNode == nil || strings.TrimSpace(enumNode.Scalar()) == "" || !(typ == "String" || isNumericType(typ)) {
		return
	}
	for _, e := range strings.Split(enumNode.Scalar(), ",") {
		e = strings.TrimSpace(e)
		if e == def {
			return
		}
		if isNumericType(typ) {
			a, err1 := strconv.ParseFloat(e, 64)
			b, err2 := strconv.ParseFloat(strings.TrimSpace(def), 64)
			if err1 == nil && err2 == nil && a == b {
				return
			}
		}
	}
	d := c.ReportNode(defNode, "DefaultValue %q of %q is not one of its EnumValue %q", def, p.Name, enumNode.Scalar())
	c.Related(d, enumNode.Range, "EnumValue")
}
