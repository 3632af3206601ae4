package socialimage

import (
	"cmp"
	"image"
	"image/color"
	"slices"
)

// bin is one cell of the colour histogram: 5 bits per channel.
type bin struct {
	r, g, b uint8 // the cell's mean colour
	n       int
	sum     [3]int
	// top is the cell's most frequent exact colour, so that the flat
	// colours of a graphic come out of the palette unchanged.
	top      [3]uint8
	topCount int
}

// medianCut returns a palette of at most n colours for the opaque pix:
// the histogram's cells are split into boxes, each time the box with the
// most pixels times its widest channel range along that channel at its
// median pixel, and each box gives its most frequent colour when that
// colour holds most of the box, else its mean. Deterministic: ties break on
// the cells' order.
func medianCut(pix *image.RGBA, n int) color.Palette {
	bins := histogram(pix)
	boxes := [][]*bin{bins}
	for len(boxes) < n {
		bi, ch, best := -1, 0, 0
		for i, box := range boxes {
			if len(box) < 2 {
				continue
			}
			c, span := widest(box)
			total := 0
			for _, b := range box {
				total += b.n
			}
			if score := span * total; score > best {
				bi, ch, best = i, c, score
			}
		}
		if bi < 0 {
			break
		}
		box := boxes[bi]
		slices.SortStableFunc(box, func(a, b *bin) int { return cmp.Compare(channel(a, ch), channel(b, ch)) })
		total := 0
		for _, b := range box {
			total += b.n
		}
		cut, acc := 1, 0
		for i, b := range box[:len(box)-1] {
			acc += b.n
			cut = i + 1
			if 2*acc >= total {
				break
			}
		}
		boxes = append(boxes[:bi], append([][]*bin{box[:cut:cut], box[cut:]}, boxes[bi+1:]...)...)
	}
	pal := make(color.Palette, 0, len(boxes))
	for _, box := range boxes {
		var total, top int
		var sum [3]int
		var topC [3]uint8
		for _, b := range box {
			total += b.n
			for c := range 3 {
				sum[c] += b.sum[c]
			}
			if b.topCount > top {
				top, topC = b.topCount, b.top
			}
		}
		if 2*top >= total {
			pal = append(pal, color.RGBA{topC[0], topC[1], topC[2], 255})
			continue
		}
		pal = append(pal, color.RGBA{uint8(sum[0] / total), uint8(sum[1] / total), uint8(sum[2] / total), 255})
	}
	return pal
}

// histogram counts the pixels of pix in 5-bit cells, keeping each cell's
// most frequent exact colour among the first it meets.
func histogram(pix *image.RGBA) []*bin {
	cells := make([]*bin, 1<<15)
	// exact counts colours of each cell; colours are few in a graphic.
	exact := map[uint32]int{}
	b := pix.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := pix.Pix[pix.PixOffset(b.Min.X, y):pix.PixOffset(b.Max.X, y)]
		for i := 0; i < len(row); i += 4 {
			r, g, bl := row[i], row[i+1], row[i+2]
			k := int(r>>3)<<10 | int(g>>3)<<5 | int(bl>>3)
			c := cells[k]
			if c == nil {
				c = &bin{}
				cells[k] = c
			}
			c.n++
			c.sum[0] += int(r)
			c.sum[1] += int(g)
			c.sum[2] += int(bl)
			if len(exact) < 1<<16 {
				key := uint32(r)<<16 | uint32(g)<<8 | uint32(bl)
				exact[key]++
				if n := exact[key]; n > c.topCount {
					c.topCount, c.top = n, [3]uint8{r, g, bl}
				}
			}
		}
	}
	var bins []*bin
	for _, c := range cells {
		if c != nil {
			c.r, c.g, c.b = uint8(c.sum[0]/c.n), uint8(c.sum[1]/c.n), uint8(c.sum[2]/c.n)
			bins = append(bins, c)
		}
	}
	return bins
}

func channel(b *bin, c int) uint8 {
	switch c {
	case 0:
		return b.r
	case 1:
		return b.g
	}
	return b.b
}

// widest returns the channel with the largest range in box, and the range.
func widest(box []*bin) (int, int) {
	best, span := 0, -1
	for c := range 3 {
		lo, hi := uint8(255), uint8(0)
		for _, b := range box {
			v := channel(b, c)
			lo, hi = min(lo, v), max(hi, v)
		}
		if s := int(hi) - int(lo); s > span {
			best, span = c, s
		}
	}
	return best, span
}
