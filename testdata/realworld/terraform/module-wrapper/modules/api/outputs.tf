output "api_id" {
  description = "the ID of api-gateway API"
  value       = alicloud_api_gateway_api.apiGatewayApi.api_id
}
