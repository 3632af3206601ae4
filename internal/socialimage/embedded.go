package socialimage

import "strings"

// EmbeddedFont returns the file of the embedded face that DefaultFonts
// gives role r, or of the fallback face when r is "", with the file's
// name, so that the kit's other outputs (the business card) set their text
// in the same faces as its images.
func EmbeddedFont(r Role) (name string, data []byte) {
	f := DefaultFonts()
	face := f.fallback
	if r != "" {
		face = f.face(r)
	}
	name = strings.TrimPrefix(face.Name, "embedded:")
	data, err := embedded.ReadFile("fonts/" + name)
	if err != nil {
		panic(err) // the file is embedded: missing means a broken build
	}
	return name, data
}
