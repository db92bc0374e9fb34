variable "name" {
  default = "routedemo"
}

variable "address" {
  default = "10.20.30.40:8080"
}

resource "alicloud_apig_gateway" "default" {
  gateway_name = "${var.name}-gw"
  gateway_type = "API"
  payment_type = "PayAsYouGo"
  spec         = "apigw.small.x1"
  network_access_config {
    type = "Intranet"
  }
  vpc {
    vpc_id = data.alicloud_vpcs.default.ids.0
  }
  vswitch {
    vswitch_id = data.alicloud_vswitches.default.ids.0
  }
  zone_config {
    select_option = "Auto"
  }
}

# VIP service: numeric-looking name, namespace set although VIP needs none.
resource "alicloud_apig_service" "vip" {
  addresses    = ["${var.address}"]
  service_name = "1790001234"
  source_type  = "VIP"
  gateway_id   = alicloud_apig_gateway.default.id
  namespace    = "default"
}

# Two DNS services on the same gateway and upstream.
resource "alicloud_apig_service" "route_svc_1" {
  service_name = "${var.name}svc1"
  source_type  = "DNS"
  gateway_id   = alicloud_apig_gateway.default.id
  addresses    = ["echo-upstream.example.org:80"]
}

resource "alicloud_apig_service" "route_svc_2" {
  service_name = "${var.name}svc2"
  source_type  = "DNS"
  gateway_id   = alicloud_apig_gateway.default.id
  addresses    = ["echo-upstream.example.org:80"]
}
