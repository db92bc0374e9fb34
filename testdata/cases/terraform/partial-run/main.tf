# The same group by its literal id as a request file: the Terraform API
# and the request file clash.
resource "alicloud_api_gateway_api" "list" {
  group_id     = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name         = "GetUser" # want duplicate-api-name@18
  description  = "same name, same group"
  auth_type    = "APP"
  service_type = "MOCK"

  request_config {
    protocol = "HTTP"
    method   = "ANY"
    path     = "/users" # want duplicate-api-path@16
    mode     = "PASSTHROUGH"
  }

  mock_service_config {
    result = "[]"
  }
}
