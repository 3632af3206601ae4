// Package brand loads a kit's brand.toml: the load stage for the profile. It
// decodes the file strictly, reports every problem as a finding at its
// brand.toml line, and validates the result once into a typed [Profile] that
// the later stages read.
package brand
