package rules

import (
	"fmt"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// DuplicateService: two service configs with the same name for the same
// gateway, in one serviceConfigs list or across definitions.
var DuplicateService = &Rule{
	ID: "duplicate-service", Severity: diag.Error, Op: "CreateService", Kind: Project,
	Doc: Doc{
		Summary: "two serviceConfigs items use the same service name for the same gatewayId (in one list, one file or across files)",
		Why: "A service is addressed by its name within a gateway, so a second service of the same name is either refused or " +
			"shadows the first. No vendor source states the rule (docs/sources.md#service-name-unique); it is the contract of this project. Items of one " +
			"serviceConfigs list always share a gateway, so a repeated name there is reported even without gatewayId; across " +
			"definitions the gatewayIds must be equal. Names are compared exactly.",
		BadFiles: map[string]string{
			"services/users.yaml": "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nserviceConfigs:\n  - name: user-service\n    namespace: default\n",
			"services/users-staging.yaml": "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nserviceConfigs:\n" +
				"  - name: user-service\n    namespace: staging\n",
		},
		GoodFiles: map[string]string{
			"services/users.yaml": "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nserviceConfigs:\n  - name: user-service\n    namespace: default\n",
			"services/users-staging.yaml": "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nserviceConfigs:\n" +
				"  - name: user-service-staging\n    namespace: staging\n",
		},
	},
	CheckProject: func(p *ProjectContext) {
		sameKey(p, p.Index.Services, func(e *ServiceEntry) Loc { return e.At },
			func(e *ServiceEntry) string {
				if e.GatewayID == "" {
					// Without a gateway only the items of the same
					// list can be known to share one.
					return fmt.Sprintf("\x01%s\x00%d\x00%s", e.At.File, e.At.Document, e.Name)
				}
				return e.GatewayID + "\x00" + e.Name
			},
			func(e *ServiceEntry, others []*ServiceEntry) string {
				if len(others) == 1 && others[0].At.File == e.At.File && others[0].At.Document == e.At.Document {
					return diag.Sprintf("service name %q appears twice in this serviceConfigs list; each service of a gateway needs its own name", e.Name)
				}
				return diag.Sprintf("service name %q is already used for gateway %s by %s; each service of a gateway needs its own name",
					e.Name, e.GatewayID, othersWord(len(others), "service config"))
			},
			func(o *ServiceEntry) string { return diag.Sprintf("the other service named %q", o.Name) })
	},
}
