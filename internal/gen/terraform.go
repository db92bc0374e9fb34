package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Terraform writes a Terraform project for benchmarks: modules directories
// of files .tf files each, every file holding apis alicloud_api_gateway_api
// resources in the shapes of the provider's documentation (HTTP, VPC,
// FunctionCompute and MOCK backends, request, constant and system
// parameters), a group resource per module, variables with defaults and a
// terraform.tfvars. It lints clean.
func Terraform(dir string, modules, files, apis int) (int64, error) {
	var total int64
	for m := 0; m < modules; m++ {
		mdir := filepath.Join(dir, fmt.Sprintf("module-%03d", m))
		if err := os.MkdirAll(mdir, 0o755); err != nil {
			return total, err
		}
		vars := fmt.Sprintf(`variable "group_name" {
  default = "bench_%03d"
}

variable "timeout" {
  type    = number
  default = 3000
}

variable "backend" {
  description = "set in terraform.tfvars"
}

locals {
  prefix = "/bench/m%03d"
}

resource "alicloud_api_gateway_group" "bench" {
  name        = var.group_name
  description = "benchmark group ${var.group_name}"
}
`, m, m)
		write := func(name, content string) error {
			total += int64(len(content))
			return os.WriteFile(filepath.Join(mdir, name), []byte(content), 0o644)
		}
		if err := write("variables.tf", vars); err != nil {
			return total, err
		}
		if err := write("terraform.tfvars", "backend = \"http://backend.internal:8080\"\n"); err != nil {
			return total, err
		}
		for f := 0; f < files; f++ {
			var b strings.Builder
			for a := 0; a < apis; a++ {
				terraformAPI(&b, m, f, a)
			}
			if err := write(fmt.Sprintf("apis-%03d.tf", f), b.String()); err != nil {
				return total, err
			}
		}
	}
	return total, nil
}

func terraformAPI(b *strings.Builder, m, f, a int) {
	id := fmt.Sprintf("f%03d_a%02d", f, a)
	fmt.Fprintf(b, `resource "alicloud_api_gateway_api" "%s" {
  group_id    = alicloud_api_gateway_group.bench.id
  name        = "bench-%s"
  description = "benchmark API %s"
  auth_type   = "APP"

  request_config {
    protocol = "HTTP,HTTPS"
    method   = "GET"
    path     = "${local.prefix}/%s/[id]"
    mode     = "MAPPING"
  }

  request_parameters {
    name         = "id"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "id"
  }

  constant_parameters {
    name        = "source"
    in          = "HEAD"
    value       = "gateway"
    description = "a constant header"
  }

  system_parameters {
    name         = "CaClientIp"
    in           = "QUERY"
    name_service = "clientIp"
  }

`, id, strings.ReplaceAll(id, "_", "-"), id, id)
	switch a % 4 {
	case 0:
		fmt.Fprintf(b, `  service_type = "HTTP"
  http_service_config {
    address   = var.backend
    method    = "GET"
    path      = "/v1/%s/[id]"
    timeout   = var.timeout
    aone_name = "cloudapi-openapi"
  }
`, id)
	case 1:
		fmt.Fprintf(b, `  service_type = "HTTP-VPC"
  http_vpc_service_config {
    name    = "vpc-access-%03d"
    method  = "GET"
    path    = "/v1/%s/[id]"
    timeout = var.timeout
  }
`, m, id)
	case 2:
		fmt.Fprintf(b, `  service_type = "FunctionCompute"
  fc_service_config {
    region        = "cn-hangzhou"
    function_name = "fn_%s"
    service_name  = "svc_%03d"
    arn_role      = "acs:ram::1234567890123456:role/aliyunapigatewayaccessingfcrole"
    timeout       = 10
  }
`, id, m)
	default:
		b.WriteString(`  service_type = "MOCK"
  mock_service_config {
    result = "{\"ok\": true}"
  }
`)
	}
	b.WriteString("\n  stage_names = [\"RELEASE\"]\n}\n\n")
}
