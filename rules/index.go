package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// Loc is a place in a definition file.
type Loc struct {
	File     string
	Document int
	Pointer  string
	Range    diag.Range
}

// Index keeps what cross-file rules need from every definition of a
// project: keys and positions, not whole trees, so that it stays small for
// tens of thousands of files.
type Index struct {
	APIs     []APIEntry
	Services []ServiceEntry
}

// APIEntry is one CreateApi definition.
type APIEntry struct {
	GroupID string
	Name    string
	NameLoc Loc
	Method  string // canonical upper case; "" when absent
	Path    string
	PathLoc Loc
	Where   Loc // the definition (its first key)
}

// ServiceEntry is one serviceConfigs item of a CreateService definition,
// or the definition itself for its clientToken.
type ServiceEntry struct {
	GatewayID   string
	Names       []NamedLoc
	ClientToken string
	TokenLoc    Loc
	Where       Loc
}

// NamedLoc is a name and where it is written.
type NamedLoc struct {
	Name string
	Loc  Loc
}
