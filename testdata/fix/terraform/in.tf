# Misspelt provider arguments and enum values in the wrong case: each has
# one close candidate, so --fix renames it (the block name has two: unsafe).
resource "alicloud_api_gateway_group" "orders" {
  name        = "orders"
  description = "Order APIs"
}

resource "alicloud_api_gateway_api" "list_orders" {
  group_id    = alicloud_api_gateway_group.orders.id
  name        = "ListOrders"
  descripton  = "lists orders"
  auth_type   = "app"

  request_config {
    method   = "GET"
    protcol  = "HTTPS"
    path     = "/orders"
    mode     = "MAPPING"
  }

  service_type = "http"

  http_service_confg {
    address = "http://orders.internal:8080"
    method  = "GET"
    path    = "/v1/orders"
    timeout = 3000
  }
}
