package corpus

import (
	"embed"
)

// Seeds holds the five seed articles byte for byte, with seeds/meta.yaml,
// the sidecar that states what their texts do not (source, url, and 001's
// date). parse.Embedded reads them.
//
//go:embed seeds/*.txt seeds/meta.yaml
var Seeds embed.FS
