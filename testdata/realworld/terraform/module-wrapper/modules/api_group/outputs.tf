output "api_group_id" {
  value = alicloud_api_gateway_group.apiGatewayGroup.id
}
