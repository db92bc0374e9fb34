package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// SourceConfigRequired: an AGENT service without agentServiceConfig.
//
// The APIG SDK marks agentServiceConfig required for sourceType AGENT
// (docs/sources.md#source-config-required). For AI the SDK says nothing of the
// kind and a model provider may be named by modelProviderId instead, so AI
// services have their own warning, ai-service-config-missing.
var SourceConfigRequired = &Rule{
	ID: "source-config-required", Severity: diag.Error, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "a `serviceConfigs` item has no `agentServiceConfig` while `sourceType` is `AGENT`",
		Why: "An agent service is defined entirely by its `agentServiceConfig`: the provider and the address of the agent (both required inside it). " +
			"The APIG API requires the block for `sourceType: AGENT`.",
		Bad: `Action: CreateService
gatewayId: gw-d1k9x3m2ahtg017
sourceType: AGENT
serviceConfigs:
  - name: support-agent
`,
		Good: `Action: CreateService
gatewayId: gw-d1k9x3m2ahtg017
sourceType: AGENT
serviceConfigs:
  - name: support-agent
    agentServiceConfig:
      provider: dify
      address: https://api.dify.ai/v1
`,
	},
	Check: func(c *Context) {
		requireForSource(c, "agentServiceConfig", "agentServiceConfig with the agent's provider and address", "AGENT")
	},
}
