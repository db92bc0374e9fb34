package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// SignatureMethodRequiresAppAuth: AllowSignatureMethod on an API that no
// app authenticates to.
//
// The vendor documents AllowSignatureMethod "if AuthType is set to APP"
// (docs/sources.md#app-auth-only). Terraform sends HmacSHA256 for every API
// whatever its auth type, and the gateway accepts that, so the setting is
// ignored rather than rejected: a warning. APPOPENID ("OpenID Connect &
// Alibaba Cloud APP" in the console) also authenticates the calling app, so
// only ANONYMOUS is flagged.
var SignatureMethodRequiresAppAuth = &Rule{
	ID: "signature-method-requires-app-auth", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`AllowSignatureMethod` is set on an API with `AuthType: ANONYMOUS`, where no app signs requests",
		Why: "The signature method says which HMAC algorithm calling apps may sign requests with; the vendor documents it for `AuthType: APP` " +
			"(APPOPENID also authenticates the app). An anonymous API checks no signature, so the setting has no effect and suggests a protection that is not there. " +
			"Either remove `AllowSignatureMethod` or use `AuthType: APP`. A warning, not an error: Terraform sends it for every API and the gateway accepts it.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListProducts
Visibility: PUBLIC
AuthType: ANONYMOUS
AllowSignatureMethod: HmacSHA256
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /products, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://catalog.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListProducts
Visibility: PUBLIC
AuthType: APP
AllowSignatureMethod: HmacSHA256
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /products, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://catalog.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		checkNeedsAppAuth(c, "AllowSignatureMethod", "the signature method")
	},
}

// checkNeedsAppAuth reports key when it is set while AuthType is ANONYMOUS.
func checkNeedsAppAuth(c *Context, key, what string) {
	v := c.Root.Get(key)
	if !present(v) {
		return
	}
	if key == "AppCodeAuthType" && enumOf(v, "DEFAULT") != "" {
		return // DEFAULT defers to the group setting: nothing is asked for
	}
	auth := c.Root.Get("AuthType")
	if enumOf(auth, "APP", "ANONYMOUS", "APPOPENID") != "ANONYMOUS" {
		return
	}
	d := c.ReportNode(v, "%s is set but AuthType is ANONYMOUS, so no app signs or identifies its requests and %s has no effect; remove %s or use AuthType APP",
		key, what, key)
	c.Related(d, auth.Range, "AuthType is ANONYMOUS here")
}
