package rules

import (
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// SignatureMethodRequiresAppAuth: AllowSignatureMethod on an API that no
// app authenticates to.
//
// The vendor documents AllowSignatureMethod "if AuthType is set to APP"
// (CreateApi page, docs/sources.md#app-auth-only).
// The gateway does not reject it on another AuthType, but the project's
// brief names "signature method only with APP auth" as a constraint, so it
// is an error by default; a team that wants a warning sets it in
// .apigwlint.yaml. APPOPENID ("OpenID Connect & Alibaba Cloud APP" in the
// console) also authenticates the calling app. Without AuthType the
// gateway's default applies, which no source documents, so nothing is
// reported then (an empty AuthType is the same as none).
var SignatureMethodRequiresAppAuth = &Rule{
	ID: "signature-method-requires-app-auth", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`AllowSignatureMethod` is set on an API whose `AuthType` is neither `APP` nor `APPOPENID`, so no app signs its requests",
		Why: "The signature method says which HMAC algorithm calling apps may sign requests with; the vendor documents it for `AuthType: APP` " +
			"(APPOPENID also authenticates the app). An anonymous API checks no signature, so the setting has no effect and suggests a protection that is not there. " +
			"Either remove `AllowSignatureMethod` or use `AuthType: APP`. " +
			"An error by default although the gateway ignores rather than rejects the setting: \"signature method only with APP auth\" is one of the " +
			"constraints the project was built to enforce, and a definition that says both \"anonymous\" and \"signed\" is wrong about one of them. " +
			"Teams that accept it can lower it in `.apigwlint.yaml` (`signature-method-requires-app-auth: warning`). " +
			"Without `AuthType` nothing is reported: the gateway's default is not documented. " +
			"Note for translated definitions: the Terraform provider sends `AllowSignatureMethod: HmacSHA256` on every API whatever its `auth_type`, " +
			"and Serverless Devs merges the same default into every API; a value the tool adds is not the user's and must not be reported by a Terraform " +
			"or Serverless Devs front-end. In a request file it is reported like any other value.",
		Fix: FixDoc{Safety: UnsafeFix, Text: "Two fixes, both unsafe (which setting is wrong is a choice): remove the `AllowSignatureMethod` entry " +
			"(a YAML line of its own, or a JSON member with its comma), offered first; or set `AuthType` to `APP`."},
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

// checkNeedsAppAuth reports key when it is set while AuthType is set to
// anything but APP or APPOPENID (compared ignoring case, as enumOf does
// elsewhere: a wrong case is also a schema error, and the rule still reads
// the value the author meant).
func checkNeedsAppAuth(c *Context, key, what string) {
	v := c.Root.Get(key)
	if !present(v) {
		return
	}
	if key == "AppCodeAuthType" && enumOf(v, "DEFAULT") != "" {
		return // DEFAULT defers to the group setting: nothing is asked for
	}
	auth := c.Root.Get("AuthType")
	if !present(auth) || enumOf(auth, "APP", "APPOPENID") != "" || unknown(auth) || unknown(v) {
		return // (an AuthType or setting not known statically may be APP, or nothing)
	}
	name := strings.TrimSpace(auth.Scalar())
	if known := enumOf(auth, "ANONYMOUS"); known != "" {
		name = known
	}
	d := c.ReportNode(v, "%s is set but AuthType is %s, so no app signs or identifies its requests and %s has no effect; remove %s or use AuthType APP",
		key, name, what, key)
	c.Related(d, auth.Range, "AuthType is "+name+" here")
	// Both fixes need a choice (which of the two settings is wrong), so
	// neither is safe; removing the key changes less.
	c.Fix(d, "remove "+key, false, source.Edit(c.Src.DeleteField(c.Root, c.Root.Field(key))))
	c.Fix(d, "use AuthType APP", false, source.Edit(c.Src.ReplaceString(auth, auth.Scalar(), "APP")))
}
