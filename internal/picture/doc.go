// Package picture makes the images the site's pages show: the portrait, the
// logo and responsive versions of post covers, decoded with their EXIF
// orientation honoured, cropped around a focal point, resized and encoded
// without the source's metadata. It is part of the render stage.
package picture
