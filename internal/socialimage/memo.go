package socialimage

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"maps"
	"slices"
	"sync"
)

// Memo keeps the images a plan made, the kit's own and each post's, so
// that the next plan of the same kit lays out again only the images whose
// inputs changed: serve plans the whole kit on every save, and measuring
// the titles of a thousand posts on every card is most of that plan.
//
// Invariants:
//   - A key hashes every input of its images: the plan's inputs but the
//     posts (brand.toml's bytes, which the profile is made from, the
//     fonts' contents, the sources' sizes, the host) and, for a post's
//     images, the post's fields.
//     Date and Typo cannot be hashed: a Memo relies on them being
//     functions of the profile (of its language), as the build makes them.
//   - Only images whose planning reported nothing are kept, since a hit
//     reports nothing: images with a finding (a character no font has, a
//     cover too small) are planned again each time, and report again.
//   - Images in a Memo are shared by the plans that hit them, and never
//     changed once planned.
//   - A Memo holds the images of the latest plan only: each plan replaces
//     its content with what it used, so memory stays that of one kit.
//
// A Memo is safe for concurrent use; two plans sharing one at once stay
// correct but may evict each other's entries.
type Memo struct {
	mu    sync.Mutex
	posts map[memoKey][]*Image
}

type memoKey [sha256.Size]byte

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{posts: map[memoKey][]*Image{}} }

// memoPlan is one plan's use of a memo: what it found and what it keeps.
type memoPlan struct {
	memo *Memo
	kit  []byte // the hash of the inputs every post's images share
	used map[memoKey][]*Image
}

// begin returns the plan's use of m for the input in, or nil when m is nil
// or the input cannot be keyed (a profile made without its file, in tests).
func (m *Memo) begin(in *Input) *memoPlan {
	if m == nil || in.Profile == nil || in.Profile.File == nil || in.Fonts == nil {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", Version, len(in.Profile.File.Src))
	h.Write(in.Profile.File.Src)
	fmt.Fprintf(h, "%s\x00", in.Fonts.Sums())
	for _, src := range slices.Sorted(maps.Keys(in.Sizes)) {
		fmt.Fprintf(h, "size %q %v\x00", src, in.Sizes[src])
	}
	fmt.Fprintf(h, "host %q\x00", in.Host)
	return &memoPlan{memo: m, kit: h.Sum(nil), used: map[memoKey][]*Image{}}
}

// key returns the key of the images of kind ("site", "kit", "card",
// "shares") of post, nil for the images of the kit as a whole.
func (mp *memoPlan) key(kind string, post *Post) memoKey {
	h := sha256.New()
	h.Write(mp.kit)
	fmt.Fprintf(h, "%s\x00", kind)
	if post != nil {
		writePost(h, post)
	}
	var k memoKey
	h.Sum(k[:0])
	return k
}

func writePost(h hash.Hash, p *Post) {
	fmt.Fprintf(h, "%q\x00%q\x00%s\x00%q\x00%v\x00%t\x00%q\x00%v\x00%v\x00",
		p.Slug, p.Title, p.Date.Format("2006-01-02T15:04:05.999999999Z07:00"), p.Cover, p.CoverFocus,
		p.Networks == nil, p.Networks, p.TitlePos, p.CoverPos)
}

// lookup returns the key of the images of kind of post (nil: of the
// kit), and the images when the memo holds them. It may be called from
// several goroutines at once.
func (mp *memoPlan) lookup(kind string, post *Post) (k memoKey, imgs []*Image, ok bool) {
	if mp == nil {
		return k, nil, false
	}
	k = mp.key(kind, post)
	mp.memo.mu.Lock()
	imgs, ok = mp.memo.posts[k]
	mp.memo.mu.Unlock()
	return k, imgs, ok
}

// keep keeps the images of key k for the next plan: images found by
// lookup, or planned without a problem. It is not safe for concurrent
// use: New calls it once planning is over.
func (mp *memoPlan) keep(k memoKey, imgs []*Image) {
	if mp != nil {
		mp.used[k] = imgs
	}
}

// end replaces the memo's content with what the plan used.
func (mp *memoPlan) end() {
	if mp == nil {
		return
	}
	mp.memo.mu.Lock()
	mp.memo.posts = mp.used
	mp.memo.mu.Unlock()
}
