# FC 3.0 function behind an HTTP trigger: function_version/function_type/base URL set,
# a constant header carrying a generated secret, the group name built with replace().
variable "name_prefix" {
  type    = string
  default = "report-ingest"
}

variable "region" {
  type    = string
  default = "cn-hangzhou"
}

resource "random_password" "ingest_secret" {
  length  = 40
  special = false
}

resource "alicloud_api_gateway_group" "reports" {
  name        = replace(var.name_prefix, "-", "_")
  description = "Client report ingestion"
  base_path   = "/"
}

resource "alicloud_api_gateway_api" "reports" {
  group_id          = alicloud_api_gateway_group.reports.id
  name              = "submit_report"
  description       = "Accept a privacy-filtered client report"
  auth_type         = "ANONYMOUS"
  force_nonce_check = false
  service_type      = "FunctionCompute"
  stage_names       = ["RELEASE"]

  request_config {
    protocol    = "HTTPS"
    method      = "POST"
    path        = "/reports/v1/submit"
    mode        = "PASSTHROUGH"
    body_format = "STREAM"
  }

  fc_service_config {
    function_version   = "3.0"
    function_type      = "HttpTrigger"
    region             = var.region
    function_base_url  = alicloud_fcv3_trigger.http.http_trigger[0].url_internet
    path               = "/"
    method             = "POST"
    only_business_path = true
    arn_role           = alicloud_ram_role.api_gateway.arn
    timeout            = 10000
  }

  constant_parameters {
    name        = "X-Report-Ingest-Key"
    in          = "HEAD"
    value       = random_password.ingest_secret.result
    description = "Gateway-to-function shared secret"
  }

  depends_on = [alicloud_ram_role_policy_attachment.gateway_invoke]
}

# A second API of the same shape from another module of the same project: a group ID
# passed in, a hyphenated name, content_type_category CLIENT.
resource "alicloud_api_gateway_api" "restart" {
  group_id    = var.group_id
  name        = "${var.name_prefix}-restart"
  description = "Basic Auth protected individual Deployment restart"
  auth_type   = "ANONYMOUS"
  request_config {
    protocol = "HTTPS"
    method   = "POST"
    path     = "/v1/deployment-restart"
    mode     = "PASSTHROUGH"
  }
  service_type = "FunctionCompute"
  fc_service_config {
    content_type_category = "CLIENT"
    function_version      = "3.0"
    function_type         = "HttpTrigger"
    region                = var.region
    function_name         = var.function_name
    function_base_url     = var.trigger_url
    path                  = "/v1/deployment-restart"
    method                = "POST"
    only_business_path    = true
    arn_role              = var.invoke_role_arn
    timeout               = 30000
  }
  stage_names = ["RELEASE"]
}

variable "group_id" {
  type = string
}

variable "function_name" {
  type = string
}

variable "trigger_url" {
  type = string
}

variable "invoke_role_arn" {
  type = string
}
