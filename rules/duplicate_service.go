package rules

import (
	"fmt"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/source"
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
	Facts: services,
	CheckProject: func(p *ProjectContext) {
		sameKey(p, p.Index.Of(services.Name), func(e *Fact) Loc { return e.At },
			func(e *Fact) string {
				if e.Attr(0) == "" {
					// Without a gateway only the items of the same
					// list can be known to share one.
					return fmt.Sprintf("\x01%s\x00%d\x00%s", e.At.File, e.At.Document, e.Key)
				}
				return e.Attr(0) + "\x00" + e.Key
			},
			func(e *Fact, others []*Fact) string {
				if len(others) == 1 && others[0].At.File == e.At.File && others[0].At.Document == e.At.Document {
					return diag.Sprintf("service name %q appears twice in this serviceConfigs list; each service of a gateway needs its own name", facts.Readable(e.Key))
				}
				return diag.Sprintf("service name %q is already used for gateway %s by %s; each service of a gateway needs its own name",
					facts.Readable(e.Key), facts.Readable(e.Attr(0)), othersWord(len(others), "service config"))
			},
			func(o *Fact) string { return diag.Sprintf("the other service named %q", facts.Readable(o.Key)) })
	},
}

// services: every named item of a CreateService definition's
// serviceConfigs, keyed by its name, with the gateway as attribute.
var services = &FactKind{
	Name: "service", Op: "CreateService", Params: []string{"gatewayId", "serviceConfigs"},
	Export: func(e *Exporter) {
		gateway := KeyOf(e.Root.Get("gatewayId"))
		if list := e.Root.Get("serviceConfigs"); list != nil && list.Kind == source.Array {
			for _, item := range list.Items {
				if n := item.Get("name"); KeyOf(n) != "" {
					e.Emit(KeyOf(n), n, gateway)
				}
			}
		}
	},
}
