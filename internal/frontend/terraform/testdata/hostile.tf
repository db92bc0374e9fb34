variable "big" { default = 1e300 }
resource "alicloud_api_gateway_api" "a" {
  description = "x"
  name        = "${1e999999999}"
  auth_type   = format("%099999999d", 1)
  group_id    = "${var.big * var.big * var.big * var.big * var.big * var.big * var.big * var.big}"
  request_config {
    path = 1e99999999
    method = join("", [for i in range(100000000) : "a"])
  }
}
