package socialimage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Version changes whenever the same plan would give different bytes:
// a new layout rule, encoder setting or embedded font. It is part of every
// cache key, with marque's own version.
const Version = "socialimage 1"

// Key returns the cache key of img: a hash of everything that decides its
// bytes. That is the plan (sizes, crops, text and its positions, colours,
// format and cap), the contents of the sources it draws (sums, by kit
// path) and of the fonts its text uses, the encoder's settings and the
// version of the code. Two images with the same key have the same bytes.
func Key(img *Image, fonts *Fonts, sums map[string]string, version string) (string, error) {
	plan, err := json.Marshal(img)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\nflat %d jpeg %d..%d\n%s\n", Version, version, flatPSNR, jpegFloor, jpegQuality, plan)
	for _, l := range []*Layer{img.Photo, img.Logo} {
		if l != nil {
			fmt.Fprintf(h, "src %s %s\n", l.Src, sums[l.Src])
		}
	}
	roles := map[Role]bool{}
	for _, line := range img.Lines {
		roles[line.Role] = true
	}
	for _, r := range []Role{Heading, Body, Strong} {
		if roles[r] {
			fmt.Fprintf(h, "font %s %s\n", r, fonts.face(r).sum)
		}
	}
	if len(roles) > 0 {
		fmt.Fprintf(h, "fallback %s\n", fonts.fallback.sum)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
