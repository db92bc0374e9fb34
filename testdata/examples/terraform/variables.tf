variable "base_path" {
  type    = string
  default = "/billing"
}

variable "backend" {
  type        = string
  description = "the billing service's address (set per environment)"
  default     = "http://billing.internal:8080"
}
