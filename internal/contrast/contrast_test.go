package contrast

import (
	"math"
	"testing"

	"github.com/marque-kit/marque/internal/brand"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		a, b brand.Color
		want float64
	}{
		{Black, White, 21},
		{White, White, 1},
		{brand.Color{R: 0x77, G: 0x77, B: 0x77}, White, 4.48}, // the classic just-failing grey
		{brand.Color{R: 0x1D, G: 0x24, B: 0x27}, brand.Color{R: 0xFB, G: 0xF7, B: 0xF1}, 14.75},
		{brand.Color{R: 0xB4, G: 0x46, B: 0x2A}, brand.Color{R: 0xFB, G: 0xF7, B: 0xF1}, 5.11},
	}
	for _, tt := range tests {
		got := Ratio(tt.a, tt.b)
		if math.Abs(got-tt.want) > 0.01 || math.Abs(Ratio(tt.b, tt.a)-got) > 1e-12 {
			t.Errorf("Ratio(%s, %s) = %.3f, want %.2f both ways", tt.a.Hex(), tt.b.Hex(), got, tt.want)
		}
	}
}

func TestFirst(t *testing.T) {
	light := brand.Color{R: 0xEE, G: 0xEE, B: 0xEE}
	mid := brand.Color{R: 0x88, G: 0x88, B: 0x88}
	if got := First(White, 4.5, light, mid, Black); got != Black {
		t.Errorf("First = %s, want black: the only one that reads", got.Hex())
	}
	if got := First(White, 4.5, light, mid); got != mid {
		t.Errorf("First with none reading = %s, want the best, %s", got.Hex(), mid.Hex())
	}
	if got := On(brand.Color{R: 0x1E, G: 0x4D, B: 0x5C}, brand.Color{R: 0xFB, G: 0xF7, B: 0xF1}); got != (brand.Color{R: 0xFB, G: 0xF7, B: 0xF1}) {
		t.Errorf("On(dark teal) = %s, want the page background", got.Hex())
	}
}

func TestMix(t *testing.T) {
	if got := Mix(Black, White, 0.5); got != (brand.Color{R: 128, G: 128, B: 128}) {
		t.Errorf("Mix = %s", got.Hex())
	}
	if got := Mix(Black, White, 0); got != Black {
		t.Errorf("Mix at 0 = %s", got.Hex())
	}
}
