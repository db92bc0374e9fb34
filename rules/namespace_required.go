package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// NamespaceRequired: a K8S or MSE_NACOS service without its namespace
// (documented in the CreateService reference,
// docs/sources.md#namespace-required).
var NamespaceRequired = &Rule{
	ID: "namespace-required", Severity: diag.Error, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "a `serviceConfigs` item has no `namespace` while `sourceType` is `K8S` or `MSE_NACOS`",
		Why: "A Kubernetes service or a Nacos service is found by namespace and name; the CreateService reference requires `namespace` for these " +
			"two source types. Without it the gateway cannot look the service up.",
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: user-service
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: user-service
    namespace: default
`,
	},
	Check: func(c *Context) {
		requireForSource(c, "namespace", "the Kubernetes or Nacos namespace the service is registered in", "K8S", "MSE_NACOS")
	},
}
