package build

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"image"
	"io/fs"
	"path"
	"strings"

	"github.com/marque-kit/marque/internal/diag"
	"github.com/marque-kit/marque/internal/output"
	"github.com/marque-kit/marque/internal/picture"
	"github.com/marque-kit/marque/internal/render"
)

// Sizes of the images the pages show, in CSS pixels; each is made at 1× and
// 2× for sharp screens.
const (
	portraitSize = 240
	coverWidth   = 720
	logoHeight   = 64
)

// prepareSite starts the site in memory with the images its pages show,
// and plans the kit's images: it returns the tree and the pages' input,
// for render.Render to make the pages.
func prepareSite(ctx context.Context, k *kit, l *diag.List) (*output.Tree, *render.Input, error) {
	tree := output.NewTree()
	in := &render.Input{
		Profile: k.profile,
		BaseURL: k.base,
		Drafts:  k.drafts,
		Memo:    k.cache.pageMemo(),
		Lint:    k.lint,
	}
	pr := k.profile.Person
	var err error
	if pr.Photo != "" {
		in.Portrait, err = addSquare(tree, k, pr.Photo, "images/portrait", portraitSize, picture.Focus(pr.PhotoFocus), k.profile.ValuePos("person.photo"), l)
		if err != nil {
			return nil, nil, err
		}
		if in.Portrait != nil {
			in.Portrait.Alt = pr.Name
			// As addSquare names the 1× crop.
			k.portrait = k.publicURL(fmt.Sprintf("images/portrait-%d.jpg", portraitSize))
		}
	}
	if pr.Logo != "" {
		in.Logo, err = addLogo(tree, k, pr.Logo, k.profile.ValuePos("person.logo"), l)
		if err != nil {
			return nil, nil, err
		}
	}
	fonts := k.profile.Identity.Fonts
	for _, f := range []struct {
		src string
		url *string
	}{{fonts.Heading, &in.Fonts.Heading}, {fonts.Body, &in.Fonts.Body}} {
		if f.src == "" {
			continue
		}
		name := "fonts/" + path.Base(f.src)
		if !tree.Has(name) {
			data, err := k.readFile(f.src)
			if err != nil {
				return nil, nil, fmt.Errorf("read %s: %w", f.src, err)
			}
			if err := tree.Add(name, data); err != nil {
				return nil, nil, err
			}
		}
		*f.url = k.url(name)
	}
	for _, p := range k.posts {
		rp := &render.Post{
			Post:      p.Post,
			HTML:      template.HTML(p.doc.HTML),
			Summary:   p.summary,
			Words:     p.doc.Words,
			Scheduled: p.Date.After(k.today),
		}
		if p.Cover != "" {
			rp.Cover, err = addWide(tree, k, p.Cover, "posts/"+p.Slug+"/cover", picture.Focus(p.CoverFocus), p.Pos("cover"), l)
			if err != nil {
				return nil, nil, err
			}
			if rp.Cover != nil {
				rp.Cover.Alt = p.CoverAlt
			}
		}
		if err := addResources(tree, k, p); err != nil {
			return nil, nil, err
		}
		in.Posts = append(in.Posts, rp)
	}
	if k.about != nil {
		in.About = &render.Page{Title: k.about.title, HTML: template.HTML(k.about.doc.HTML), Summary: k.about.summary}
	}
	if err := planImages(k, in, l); err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return tree, in, nil
}

// decodeSource decodes a kit image, reporting a file that is not an image
// as a finding at pos. It returns nil, nil after such a finding.
func decodeSource(k *kit, src string, pos diag.Pos, l *diag.List) (image.Image, error) {
	data, err := k.readFile(src)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src, err)
	}
	img, err := picture.DecodeBytes(data)
	if errors.Is(err, picture.ErrNotImage) {
		rule := "profile.invalid"
		if strings.HasPrefix(pos.File, "content/") {
			rule = "content.invalid"
		}
		l.Add(pos, rule, "%s: %v", src, err)
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src, err)
	}
	return img, nil
}

// addSquare adds a square crop of src at size and twice size.
func addSquare(tree *output.Tree, k *kit, src, base string, size int, f picture.Focus, pos diag.Pos, l *diag.List) (*render.Image, error) {
	return addVariants(tree, k, src, base, size, size, f, pos, l)
}

// addWide adds a 16:9 crop of src at coverWidth and twice that.
func addWide(tree *output.Tree, k *kit, src, base string, f picture.Focus, pos diag.Pos, l *diag.List) (*render.Image, error) {
	return addVariants(tree, k, src, base, coverWidth, coverWidth*9/16, f, pos, l)
}

// encodeVariants decodes src and adds its crops; addVariants (cache.go)
// runs it through the cache.
func encodeVariants(tree *output.Tree, k *kit, src, base string, w, h int, f picture.Focus, pos diag.Pos, l *diag.List) (*render.Image, error) {
	img, err := decodeSource(k, src, pos, l)
	if img == nil || err != nil {
		return nil, err
	}
	var srcset []string
	var first *render.Image
	for _, scale := range []int{1, 2} {
		out, upscaled := picture.Fill(img, w*scale, h*scale, f)
		if upscaled && scale > 1 {
			break // the 1× version is all the source allows
		}
		data, err := picture.JPEG(out, 82)
		if err != nil {
			return nil, fmt.Errorf("encode %s: %w", src, err)
		}
		name := fmt.Sprintf("%s-%d.jpg", base, out.Bounds().Dx())
		if err := tree.Add(name, data); err != nil {
			return nil, err
		}
		srcset = append(srcset, fmt.Sprintf("%s %dw", k.url(name), out.Bounds().Dx()))
		if first == nil {
			first = &render.Image{URL: k.url(name), Width: out.Bounds().Dx(), Height: out.Bounds().Dy()}
		}
	}
	first.Srcset = strings.Join(srcset, ", ")
	return first, nil
}

// encodeLogo adds the logo as a PNG at twice its display height; addLogo
// (cache.go) runs it through the cache.
func encodeLogo(tree *output.Tree, k *kit, src string, pos diag.Pos, l *diag.List) (*render.Image, error) {
	img, err := decodeSource(k, src, pos, l)
	if img == nil || err != nil {
		return nil, err
	}
	b := img.Bounds()
	h := min(b.Dy(), 2*logoHeight)
	w := max(1, b.Dx()*h/b.Dy())
	data, err := picture.PNG(picture.Resize(img, w, h))
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", src, err)
	}
	if err := tree.Add("images/logo.png", data); err != nil {
		return nil, err
	}
	return &render.Image{URL: k.url("images/logo.png"), Width: w * logoHeight / h, Height: logoHeight}, nil
}

// addResources copies the files of a page bundle beside its page, so that
// relative links and images in the post resolve.
func addResources(tree *output.Tree, k *kit, p *postDoc) error {
	if p.Dir == "" {
		return nil
	}
	return fs.WalkDir(k.fsys, p.Dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || name == p.File.Name || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(k.fsys, name)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		return tree.Add("posts/"+p.Slug+"/"+strings.TrimPrefix(name, p.Dir+"/"), data)
	})
}
