package cli

// Tests run without a result cache unless they pass --cache-dir (or set
// APIGWLINT_CACHE_DIR): no test may write to the user's cache directory.
func init() { cacheByDefault = false }
