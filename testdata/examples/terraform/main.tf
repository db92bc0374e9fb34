# Billing APIs declared with the alicloud provider: a group, an HTTP API
# whose path comes from a variable, and a Mock API for the status page.
resource "alicloud_api_gateway_group" "billing" {
  name        = "billing"
  description = "Billing APIs"
}

resource "alicloud_api_gateway_api" "get_invoice" {
  group_id    = alicloud_api_gateway_group.billing.id
  name        = "GetInvoice"
  description = "Returns one invoice"
  auth_type   = "APP"

  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = "${var.base_path}/invoices/[invoiceId]"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address = var.backend
    method  = "GET"
    path    = "/v1/invoices/[invoiceId]"
    timeout = 3000
  }

  request_parameters {
    name         = "invoiceId"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "invoiceId"
  }

  system_parameters {
    name         = "CaRequestId"
    in           = "HEAD"
    name_service = "X-Request-Id"
  }

  stage_names = ["RELEASE"]
}

resource "alicloud_api_gateway_api" "billing_status" {
  group_id    = alicloud_api_gateway_group.billing.id
  name        = "BillingStatus"
  description = "Status page of the billing APIs"
  auth_type   = "ANONYMOUS"

  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = "${var.base_path}/status"
    mode     = "MAPPING"
  }

  service_type = "MOCK"

  mock_service_config {
    result = "{\"status\":\"ok\"}"
  }
}
