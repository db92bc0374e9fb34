# Terraform 0.11 wrote blocks as arguments; they are read as the blocks
# they stand for and checked like them.
resource "alicloud_api_gateway_api" "old" {
  group_id     = "${alicloud_api_gateway_group.apiGroup.id}"
  name         = "OldApi"
  description  = "written for 0.11"
  auth_type    = "APP"
  service_type = "HTTP"

  request_config = {
    protocol = "HTTP"
    method   = "GET"
    path     = "/old/[id]" # want path-param-undeclared
    mode     = "MAPPING"
  }

  http_service_config = [{
    address = "http://old.internal"
    method  = "GET"
    path    = "/old"
    timeout = 10
  }]
}
