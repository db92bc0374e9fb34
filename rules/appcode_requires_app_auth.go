package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// AppCodeRequiresAppAuth: AppCodeAuthType on an anonymous API.
//
// Like AllowSignatureMethod, AppCodeAuthType is documented "only for AuthType
// APP" (docs/sources.md#app-auth-only): an AppCode identifies an app, which an
// anonymous API never asks for. Nothing says the gateway rejects the
// combination, so this is a warning; DEFAULT (use the group's setting) is what
// an absent value means and is not flagged.
var AppCodeRequiresAppAuth = &Rule{
	ID: "appcode-requires-app-auth", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`AppCodeAuthType` (other than `DEFAULT`) is set on an API with `AuthType: ANONYMOUS`",
		Why: "AppCode authentication lets a calling app identify itself with its AppCode instead of a signature; the vendor documents " +
			"`AppCodeAuthType` for `AuthType: APP` only (APPOPENID also authenticates the app). An anonymous API identifies no app, so " +
			"`HEADER`, `HEADER_QUERY` or `DISABLE` have no effect. Remove the key or use `AuthType: APP`.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListProducts
Visibility: PUBLIC
AuthType: ANONYMOUS
AppCodeAuthType: HEADER
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /products, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://catalog.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListProducts
Visibility: PUBLIC
AuthType: APP
AppCodeAuthType: HEADER
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /products, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://catalog.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		checkNeedsAppAuth(c, "AppCodeAuthType", "the AppCode setting")
	},
}
