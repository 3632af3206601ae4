package post

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sync"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/diag"
)

// Memo keeps the posts a load decoded, for the next load of the same kit:
// serve loads every post on every save, and decoding a thousand front
// matters is most of that load.
//
// Invariants:
//   - A post's key hashes its file's name, its bundle folder and its
//     bytes: everything decoding reads. What a post reads from the kit
//     beside its file (that the file, and its cover, are files inside the
//     kit) is checked again on every load.
//   - Only posts that loaded without a finding are kept, so that a
//     post's findings are reported on every load.
//   - A kept post is never changed: a load returns a copy of it, with a
//     diag.File of its own, since a File builds its line table when first
//     asked for a position.
//   - A Memo holds the posts of the latest load only, so that memory stays
//     that of one kit.
//
// A Memo is safe for concurrent use; two loads sharing one at once stay
// correct but may evict each other's posts.
type Memo struct {
	mu    sync.Mutex
	posts map[[sha256.Size]byte]*Post
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{} }

// memoLoad is one load's use of a memo; nil without one.
type memoLoad struct {
	memo *Memo
	had  map[[sha256.Size]byte]*Post // the memo's posts when the load began
	mu   sync.Mutex
	used map[[sha256.Size]byte]*Post
}

func (m *Memo) begin() *memoLoad {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return &memoLoad{memo: m, had: m.posts, used: map[[sha256.Size]byte]*Post{}}
}

// end replaces the memo's posts with those the load used.
func (u *memoLoad) end() {
	if u == nil {
		return
	}
	u.memo.mu.Lock()
	u.memo.posts = u.used
	u.memo.mu.Unlock()
}

func (u *memoLoad) key(name, dir string, src []byte) [sha256.Size]byte {
	if u == nil {
		return [sha256.Size]byte{}
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q\x00%q\x00", name, dir)
	h.Write(src)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// get returns a copy of the post kept under key, whose file has the bytes
// src, or nil when there is none or its cover is no longer a file of the
// kit (decoding it again then reports why).
func (u *memoLoad) get(fsys fs.FS, key [sha256.Size]byte, src []byte) *Post {
	if u == nil {
		return nil
	}
	kept := u.had[key]
	if kept == nil {
		return nil
	}
	if kept.Cover != "" {
		// The cover was cleaned by KitFile, which gives it back as it is
		// while it still names a file inside the kit.
		if clean, problem := brand.KitFile(fsys, kept.Cover); problem != "" || clean != kept.Cover {
			return nil
		}
	}
	u.keep(key, kept)
	p := *kept
	p.File = diag.NewFile(kept.File.Name, src)
	p.Body = src[p.BodyOffset:]
	return &p
}

// put keeps p, which decoded without a finding, under key.
func (u *memoLoad) put(key [sha256.Size]byte, p *Post) {
	if u == nil {
		return
	}
	kept := *p // the caller's copy may be changed; the memo's is not
	u.keep(key, &kept)
}

func (u *memoLoad) keep(key [sha256.Size]byte, p *Post) {
	u.mu.Lock()
	u.used[key] = p
	u.mu.Unlock()
}
