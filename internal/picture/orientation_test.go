package picture

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"testing"
	"testing/fstest"
)

// withOrientation returns a JPEG of w×h pixels carrying an EXIF
// orientation tag, in the byte order bo.
func withOrientation(t testing.TB, w, h, o int, bo binary.AppendByteOrder) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	tiff := []byte("MM\x00\x2a")
	if bo == binary.LittleEndian {
		tiff = []byte("II\x2a\x00")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 1)      // one entry
	tiff = bo.AppendUint16(tiff, 0x0112) // orientation
	tiff = bo.AppendUint16(tiff, 3)      // SHORT
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, uint16(o))
	tiff = append(tiff, 0, 0, 0, 0, 0, 0)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(seg)+2))
	app1 = append(app1, seg...)
	return append(append([]byte{0xFF, 0xD8}, app1...), b.Bytes()[2:]...)
}

func TestSizeHonoursOrientation(t *testing.T) {
	fsys := fstest.MapFS{
		"up.jpg":      {Data: withOrientation(t, 40, 20, 1, binary.BigEndian)},
		"side.jpg":    {Data: withOrientation(t, 40, 20, 6, binary.LittleEndian)},
		"side-be.jpg": {Data: withOrientation(t, 40, 20, 8, binary.BigEndian)},
		"text.jpg":    {Data: []byte("hello")},
	}
	tests := []struct {
		name string
		want image.Point
	}{
		{"up.jpg", image.Pt(40, 20)},
		{"side.jpg", image.Pt(20, 40)},
		{"side-be.jpg", image.Pt(20, 40)},
	}
	for _, tt := range tests {
		got, err := Size(fsys, tt.name)
		if err != nil || got != tt.want {
			t.Errorf("Size(%s) = %v, %v; want %v", tt.name, got, err, tt.want)
		}
		img, err := Decode(fsys, tt.name)
		if err != nil || img.Bounds().Size() != tt.want {
			t.Errorf("Decode(%s) is %v, %v; want %v like Size", tt.name, img.Bounds(), err, tt.want)
		}
	}
	if _, err := Size(fsys, "text.jpg"); err == nil {
		t.Error("Size of a text file: no error")
	}
}

func FuzzOrientation(f *testing.F) {
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x08, 'E', 'x', 'i', 'f', 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := orientation(data); o < 0 || o > 8 {
			t.Errorf("orientation = %d", o)
		}
	})
}
