variable "api_name" {
  type = string
}

variable "group" {
  type = string
}

variable "api_description" {
  type    = string
  default = ""
}

variable "api_auth_type" {
  type = string
}

variable "api_request_config" {
  type = list(map(string))
}

variable "api_service_type" {
  type = string
}

variable "api_http_service_config" {
  type = list(map(string))
}

variable "api_request_parameters" {
  type    = list(map(string))
  default = []
}

variable "api_stage_name" {
  type    = list(string)
  default = []
}
