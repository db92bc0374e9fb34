# ---------------
# API gateway group that maps a single path:
#
# /account: Goes to the 'account' Function Compute function
# ---------------
resource "alicloud_api_gateway_group" "serverless-backend" {
  name = "ServerlessAccounts"
  description = "Serverless backend"
}

resource "alicloud_api_gateway_api" "account-api" {
  name = "AccountEndpoint"
  description = "Retrieves and updates accounts for users"
  auth_type = "ANONYMOUS"
  group_id = alicloud_api_gateway_group.serverless-backend.id

  service_type = "FunctionCompute"

  fc_service_config {
    region = var.region
    service_name = alicloud_fc_service.serverless.name
    function_name = alicloud_fc_function.account.name
    arn_role = alicloud_ram_role.gateway-role.arn
    timeout = 3000
  }

  request_config {
    protocol = "HTTP"
    method = "ANY"
    path = "/account"
    mode = "MAPPING"
  }

  request_parameters {
    name = "X-Account-Id"
    type = "STRING"
    required = "REQUIRED"
    in = "HEAD"
    in_service = "HEAD"
    name_service = "X-Account-Id"
  }
}

variable "region" {
  default = "eu-central-1"
}
