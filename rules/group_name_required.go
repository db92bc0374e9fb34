package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// GroupNameRequired: an MSE_NACOS service without its Nacos group (documented
// in the CreateService reference, docs/sources.md#namespace-required).
var GroupNameRequired = &Rule{
	ID: "group-name-required", Severity: diag.Error, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "a `serviceConfigs` item has no `groupName` while `sourceType` is `MSE_NACOS`",
		Why: "Nacos registers services per namespace and group; the CreateService reference requires `groupName` (usually `DEFAULT_GROUP`) for " +
			"MSE Nacos sources. Without it the gateway cannot look the service up.",
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: MSE_NACOS
serviceConfigs:
  - name: order-service
    namespace: prod
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: MSE_NACOS
serviceConfigs:
  - name: order-service
    namespace: prod
    groupName: DEFAULT_GROUP
`,
	},
	Check: func(c *Context) {
		requireForSource(c, "groupName", "the Nacos group (e.g. DEFAULT_GROUP)", "MSE_NACOS")
	},
}
