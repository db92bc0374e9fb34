package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// AIServiceConfigMissing: an AI service that names no model provider.
//
// An AI service needs a provider and an endpoint, given in
// aiServiceConfig or by a model provider created separately
// (modelProviderId). That either is required rests on SDK comments only
// (docs/sources.md#source-config-required), so this is a warning.
var AIServiceConfigMissing = &Rule{
	ID: "ai-service-config-missing", Severity: diag.Warning, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "a `serviceConfigs` item has neither `aiServiceConfig` nor `modelProviderId` while `sourceType` is `AI`",
		Why: "An AI service forwards requests to a model provider, which is described by `aiServiceConfig` (provider, address, API keys) or " +
			"referenced by `modelProviderId`. Without either the gateway does not know where to send requests. A warning because the AI source " +
			"type is newer than the CreateService reference and its requirements rest on SDK comments.",
		Bad: `Action: CreateService
gatewayId: gw-d1k9x3m2ahtg017
sourceType: AI
serviceConfigs:
  - name: qwen-dashscope
`,
		Good: `Action: CreateService
gatewayId: gw-d1k9x3m2ahtg017
sourceType: AI
serviceConfigs:
  - name: qwen-dashscope
    aiServiceConfig:
      provider: qwen
      address: https://dashscope.aliyuncs.com/compatible-mode/v1
`,
	},
	Check: func(c *Context) {
		st, stNode := sourceType(c.Root)
		if st != "AI" {
			return
		}
		for _, it := range serviceItems(c.Root) {
			if has(c, it, "aiServiceConfig") || has(c, it, "modelProviderId") {
				continue
			}
			d := c.Report(itemAt(it), it.Pointer, "%s has neither aiServiceConfig nor modelProviderId; sourceType AI needs the model provider: add aiServiceConfig with provider and address", serviceLabel(it))
			c.Related(d, stNode.Range, "sourceType AI")
		}
	},
}
