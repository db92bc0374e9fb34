timeout = "fast"
