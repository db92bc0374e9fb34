package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// OpenIDConfig: an OpenID Connect API without the settings its role needs.
//
// AuthType APPOPENID needs OpenIdConnectConfig; its
// OpenIdApiType IDTOKEN needs PublicKeyId and PublicKey, BUSINESS needs
// IdTokenParamName (the DescribeApi field docs and ROS,
// docs/sources.md#authtype). The
// companion keys are checked whatever the AuthType, since they are
// required by OpenIdApiType itself. A config given with another AuthType
// is not flagged: the console's "OpenID Connect" mode (without app
// authentication) has no AuthType of its own, and the vendor's own
// example sends the four keys as null on an ordinary API.
var OpenIDConfig = &Rule{
	ID: "openid-config", Severity: diag.Error, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`AuthType: APPOPENID` without an `OpenIdConnectConfig` complete for its `OpenIdApiType` (IDTOKEN: `PublicKeyId` and `PublicKey`; BUSINESS: `IdTokenParamName`)",
		Why: "With OpenID Connect the gateway checks ID tokens itself. The API that issues tokens (`OpenIdApiType: IDTOKEN`) must give the key id and the public key " +
			"the tokens are verified with; an API called with a token (`BUSINESS`) must say which request parameter carries it. Without them the gateway " +
			"rejects the API (the vendor documents them as required for each type).",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetMyProfile
Visibility: PRIVATE
AuthType: APPOPENID
OpenIdConnectConfig:
  OpenIdApiType: BUSINESS
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /me, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetMyProfile
Visibility: PRIVATE
AuthType: APPOPENID
OpenIdConnectConfig:
  OpenIdApiType: BUSINESS
  IdTokenParamName: token
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /me, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
RequestParameters:
  - {ApiParameterName: token, Location: HEAD, ParameterType: String, Required: REQUIRED}
`,
	},
	Check: func(c *Context) {
		auth := c.Root.Get("AuthType")
		openID := enumOf(auth, "APP", "ANONYMOUS", "APPOPENID") == "APPOPENID"
		cfgNode := c.Root.Get("OpenIdConnectConfig")
		cfg := object(cfgNode)
		if present(cfgNode) && cfgNode.Kind != source.Object {
			return // a JSON string that did not parse, or the wrong type: reported already
		}
		apiTypeNode := cfg.Get("OpenIdApiType")
		apiType := enumOf(apiTypeNode, "IDTOKEN", "BUSINESS")
		if openID {
			switch {
			case !present(cfg) || allNull(cfg):
				d := c.ReportNode(auth, "AuthType APPOPENID needs OpenIdConnectConfig with OpenIdApiType IDTOKEN (with PublicKeyId and PublicKey) or BUSINESS (with IdTokenParamName)")
				if cfgNode != nil {
					c.Related(d, at(cfgNode), "this OpenIdConnectConfig sets nothing")
				}
				return
			case apiType == "" && !has(c, cfg, "OpenIdApiType"):
				d := c.Report(at(cfgNode), cfgNode.Pointer, "OpenIdConnectConfig has no OpenIdApiType: set IDTOKEN for the API that issues tokens or BUSINESS for an API called with a token")
				c.Related(d, auth.Range, "AuthType APPOPENID needs it")
				return
			}
		}
		var missing []string
		switch apiType {
		case "IDTOKEN":
			for _, k := range []string{"PublicKeyId", "PublicKey"} {
				if !has(c, cfg, k) {
					missing = append(missing, k)
				}
			}
		case "BUSINESS":
			if !has(c, cfg, "IdTokenParamName") {
				missing = append(missing, "IdTokenParamName")
			}
		}
		if len(missing) == 0 {
			return
		}
		what := map[string]string{
			"IDTOKEN":  "the key that verifies the tokens it issues",
			"BUSINESS": "the request parameter that carries the ID token",
		}[apiType]
		d := c.ReportNode(apiTypeNode, "OpenIdApiType %s needs %s: OpenIdConnectConfig has no %s", apiType, what, joinKeys(missing))
		if openID {
			c.Related(d, auth.Range, "AuthType APPOPENID")
		}
	},
}

// allNull reports whether every key of an object is null or empty, as in
// the vendor's example for an API that does not use OpenID Connect.
func allNull(n *source.Node) bool {
	for _, f := range n.Fields {
		if present(f.Value) {
			return false
		}
	}
	return true
}

// joinKeys renders key names for a message: A, B and C.
func joinKeys(keys []string) string {
	switch len(keys) {
	case 0:
		return ""
	case 1:
		return keys[0]
	}
	out := keys[0]
	for i := 1; i < len(keys)-1; i++ {
		out += ", " + keys[i]
	}
	return out + " and " + keys[len(keys)-1]
}
