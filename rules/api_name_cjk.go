package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// APINameCJK: an ApiName with Chinese characters.
//
// The schema accepts the most permissive name any credible source supports
// (see the $comment of ApiName in schema/CreateApi.json): letters, digits, _,
// -, . and space, 4 to 128 characters, which the live gateway accepts
// (Terraform's tf-example), plus Chinese characters, which only the ROS page
// documents (docs/sources.md#apiname-pattern) and no evidence shows the
// gateway accepting. So the schema takes them (and reports any other non-ASCII
// character) and this warning says that only ROS does.
var APINameCJK = &Rule{
	ID: "api-name-cjk", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`ApiName` contains Chinese characters, which only ROS documents; the CreateApi reference allows ASCII letters, digits and `_`",
		Why: "The CreateApi reference allows letters, digits and underscores, starting with a letter; the live gateway also accepts `-` " +
			"(Terraform's example API `tf-example` is created with it every week), and the ROS resource specification allows `-`, `.`, spaces and up to 128 " +
			"characters, all of which the schema accepts. Only the ROS documentation also allows Chinese characters, and nothing shows the gateway taking them. A name with them may be refused by tools that follow the API reference, and it is awkward in SDKs and URLs. " +
			"Put the Chinese name in `Description` and keep `ApiName` ASCII.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: 查询用户列表
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: QueryUsers
Description: 查询用户列表
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		n := c.Root.Get("ApiName")
		name := n.Scalar()
		first := -1
		for i, r := range []rune(name) {
			switch {
			case r >= 0x3400 && r <= 0x4dbf, r >= 0x4e00 && r <= 0x9fff:
				if first < 0 {
					first = i
				}
			case r >= 0x80:
				return // another non-ASCII character: the schema reports the name
			}
		}
		if first < 0 {
			return
		}
		c.Report(subRange(n, first, first+1), n.Pointer, "ApiName %q contains Chinese characters, which only ROS documents; the CreateApi reference allows ASCII letters, digits and _: keep ApiName ASCII and put the Chinese name in Description", name)
	},
}
