package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// SourceConfigUnused: aiServiceConfig or agentServiceConfig on a service of
// another source type (docs/sources.md#source-type-fields, inferred: a
// warning).
var SourceConfigUnused = &Rule{
	ID: "source-config-unused", Severity: diag.Warning, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "`aiServiceConfig` or `modelProviderId` is set when `sourceType` is not `AI`, or `agentServiceConfig` when it is not `AGENT`",
		Why: "These blocks describe AI and agent services only; on a service of another source type they are ignored. Usually the source type is " +
			"wrong, or the block was copied from another definition.",
		Bad: `Action: CreateService
gatewayId: gw-d1k9x3m2ahtg017
sourceType: AGENT
serviceConfigs:
  - name: qwen-dashscope
    aiServiceConfig:
      provider: qwen
      address: https://dashscope.aliyuncs.com/compatible-mode/v1
    agentServiceConfig:
      provider: qwen
      address: https://dashscope.aliyuncs.com
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
		onlyForSource(c, "aiServiceConfig", "the settings of an AI service", "AI")
		onlyForSource(c, "modelProviderId", "the model provider of an AI service", "AI")
		onlyForSource(c, "agentServiceConfig", "the settings of an agent service", "AGENT")
	},
}
