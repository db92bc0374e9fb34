package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// AppCodeRequiresAppAuth: AppCodeAuthType on an API that identifies no
// app.
//
// Like AllowSignatureMethod, AppCodeAuthType is documented "if AuthType is set
// to APP" (CreateApi page, docs/sources.md#app-auth-only): an AppCode
// identifies an app, which an anonymous API never asks for. An error by
// default, for the same reason as signature-method-requires-app-auth; DEFAULT
// (use the group's setting) is what an absent value means and is not flagged,
// nor is an empty value or an absent AuthType.
var AppCodeRequiresAppAuth = &Rule{
	ID: "appcode-requires-app-auth", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`AppCodeAuthType` (other than `DEFAULT`) is set on an API whose `AuthType` is neither `APP` nor `APPOPENID`",
		Why: "AppCode authentication lets a calling app identify itself with its AppCode instead of a signature; the vendor documents " +
			"`AppCodeAuthType` for `AuthType: APP` only (APPOPENID also authenticates the app). An anonymous API identifies no app, so " +
			"`HEADER`, `HEADER_QUERY` or `DISABLE` have no effect. Remove the key or use `AuthType: APP`. " +
			"An error by default, like `signature-method-requires-app-auth`: app-only settings on an API that is not app-authenticated are one of the " +
			"constraints the project enforces, although the gateway ignores them; lower it in `.apigwlint.yaml` if you accept them. " +
			"`DEFAULT` and an empty value (what Serverless Devs sends) mean \"use the group's setting\" and are never reported, nor is anything when " +
			"`AuthType` is absent (its default is not documented).",
		Fix: FixDoc{Safety: UnsafeFix, Text: "Two fixes, both unsafe (which setting is wrong is a choice): remove the `AppCodeAuthType` entry " +
			"(a YAML line of its own, or a JSON member with its comma), offered first; or set `AuthType` to `APP`."},
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
