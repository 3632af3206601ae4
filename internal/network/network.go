package network

import (
	"image"
	"slices"
)

// Network describes one social network: the text fields of its profile, the
// limit of a shared post, and the images it shows. Values come from the
// network's own help pages and developer documentation; Source and Checked
// say where and when, because platforms change them.
type Network struct {
	Name  string // the key used in brand.toml: [networks.NAME]
	Label string // how the network writes its own name

	Fields []Field // profile text fields, in the order the profile editor shows them
	// Share is the limit of a post's text on this network; nil where marque
	// does not write share texts (the network is not one to post links on).
	Share *Limit
	// Hashtags is how many hashtags a share text may carry: 0 where the
	// network does not use them.
	Hashtags int
	// LinksClickable is false where a link in a post's text is not a link
	// (Instagram): share texts then say where to find it.
	LinksClickable bool

	// Hosts are the hosts of the network's profile URLs, the usual one
	// first; a host matches its subdomains too (fr.linkedin.com), and a
	// final ".*" any top-level domain (pinterest.fr). Empty for a
	// federated network, whose accounts live on any server.
	Hosts []string
	// At is set where the network writes a handle with a leading @.
	At bool

	Slots []Slot

	Source  string // where the values come from
	Checked string // when they were last checked, YYYY-MM
}

// Unit is a way of counting characters. See the package documentation of
// the counting code for each unit's exact rules.
type Unit string

// Units of networks.md.
const (
	Graphemes Unit = "graphemes" // user-perceived characters after NFC
	Weighted  Unit = "weighted"  // twitter-text v3
	Mastodon  Unit = "mastodon"  // graphemes, URLs as 23, @user@host as @user
	Strict    Unit = "strict"    // the largest of graphemes, code points and UTF-16 units
)

// Limit is a text limit: at most Max characters counted in Unit, at least
// Min (0 for none), and at most Bytes bytes of UTF-8 where Bytes > 0.
type Limit struct {
	Max   int
	Min   int
	Unit  Unit
	Bytes int
}

// Field is one text field of a profile.
type Field struct {
	Name string // "bio", "name", "headline", "location", "about"
	// From says which profile text fills the field: "bio" (the bio
	// candidates or the network's override), "name", "headline" (role and
	// tagline) or "location".
	From string
	Limit
}

// Slot is one image a network shows.
type Slot struct {
	Name   string // "avatar", "banner", "post", "story", "pin", "preview", "card", ...
	Width  int
	Height int
	// MaxBytes is the largest file the network accepts; 0 when it states none.
	MaxBytes int64
	// Safe is the area where text and logo may go: outside it the network
	// covers the image (an avatar over a banner, a story's controls) or
	// crops it (a mobile view). Empty for slots without text.
	Safe image.Rectangle
	// PhotoOnly marks slots that must show the person's photo and nothing
	// drawn over it.
	PhotoOnly bool
	// PerPost marks the slot made once per post (a share image) rather than
	// once per kit.
	PerPost bool
	// Format is the file format the slot wants; Auto lets the image's
	// content decide (PNG for flat graphics, JPEG for photographs).
	Format Format
}

// Format is an image file format.
type Format string

// Formats of image slots.
const (
	Auto Format = ""
	PNG  Format = "png"
	JPEG Format = "jpeg"
)

// Resized returns the slot at w×h pixels, its safe area scaled in
// proportion, for a kit that overrides a network's size.
func (s Slot) Resized(w, h int) Slot {
	if w == s.Width && h == s.Height || s.Width <= 0 || s.Height <= 0 {
		return s
	}
	if !s.Safe.Empty() {
		sx := func(x int) int { return x * w / s.Width }
		sy := func(y int) int { return y * h / s.Height }
		s.Safe = image.Rect(sx(s.Safe.Min.X), sy(s.Safe.Min.Y), sx(s.Safe.Max.X), sy(s.Safe.Max.Y))
	}
	s.Width, s.Height = w, h
	return s
}

// MB is a megabyte as networks count it: 10⁶ bytes.
const MB = 1_000_000

// margin returns the rectangle of a w×h image less m pixels on each side.
func margin(w, h, m int) image.Rectangle { return image.Rect(m, m, w-m, h-m) }

func avatar(size int, maxBytes int64) Slot {
	return Slot{Name: "avatar", Width: size, Height: size, MaxBytes: maxBytes}
}

func post(w, h int, maxBytes int64) Slot {
	return Slot{Name: "post", Width: w, Height: h, MaxBytes: maxBytes, Safe: margin(w, h, w*6/100), PerPost: true}
}

// All lists the built-in networks, sorted by name. The floor for its values
// is the project's reference table of network sizes and limits.
var All = []Network{
	{
		Name: "bluesky", Label: "Bluesky",
		Hosts: []string{"bsky.app"}, At: true,
		Fields: []Field{
			{Name: "name", From: "name", Limit: Limit{Max: 64, Unit: Graphemes, Bytes: 640}},
			{Name: "bio", From: "bio", Limit: Limit{Max: 256, Unit: Graphemes, Bytes: 2560}},
		},
		Share:          &Limit{Max: 300, Unit: Graphemes, Bytes: 3000},
		Hashtags:       3,
		LinksClickable: true,
		Slots: []Slot{
			avatar(1000, 1_000_000),
			// The avatar overlaps the banner's lower left.
			{Name: "banner", Width: 3000, Height: 1000, MaxBytes: 1_000_000, Safe: image.Rect(820, 100, 2900, 900)},
			post(1200, 630, 1_000_000),
		},
		Source: "atproto lexicons app.bsky.actor.profile and app.bsky.feed.post", Checked: "2026-03",
	},
	{
		Name: "facebook", Label: "Facebook",
		Hosts:          []string{"facebook.com", "fb.com"},
		Fields:         []Field{{Name: "bio", From: "bio", Limit: Limit{Max: 101, Unit: Strict}}},
		Share:          &Limit{Max: 5000, Unit: Strict},
		Hashtags:       3,
		LinksClickable: true,
		Slots: []Slot{
			avatar(320, 0),
			// Shown 820×312 on desktop and 640×360 (the middle) on mobile:
			// text stays in their overlap, clear of the avatar at lower left.
			{Name: "banner", Width: 851, Height: 315, Safe: image.Rect(120, 24, 730, 290)},
			post(1200, 630, 8*MB),
		},
		Source: "Facebook Help Center, profile and cover photo sizes", Checked: "2026-02",
	},
	{
		Name: "github", Label: "GitHub",
		Hosts: []string{"github.com"},
		Fields: []Field{
			{Name: "name", From: "name", Limit: Limit{Max: 255, Unit: Strict}},
			{Name: "bio", From: "bio", Limit: Limit{Max: 160, Unit: Strict}},
		},
		Slots: []Slot{
			avatar(500, 1*MB),
			{Name: "preview", Width: 1280, Height: 640, MaxBytes: 1 * MB, Safe: margin(1280, 640, 40)},
		},
		Source: "GitHub Docs, profile and repository social preview", Checked: "2026-02",
	},
	{
		Name: "instagram", Label: "Instagram",
		Hosts: []string{"instagram.com"}, At: true,
		Fields: []Field{
			{Name: "name", From: "name", Limit: Limit{Max: 30, Unit: Strict}},
			{Name: "bio", From: "bio", Limit: Limit{Max: 150, Unit: Strict}},
		},
		Share:    &Limit{Max: 2200, Unit: Strict},
		Hashtags: 30,
		Slots: []Slot{
			avatar(320, 0),
			// The grid shows a 3:4 crop of the 4:5 post: text stays inside it.
			{Name: "post", Width: 1080, Height: 1350, Safe: image.Rect(72, 132, 1008, 1218), PerPost: true},
			// The top 250 px and bottom 340 px hold the story's controls.
			{Name: "story", Width: 1080, Height: 1920, Safe: image.Rect(72, 250, 1008, 1580)},
		},
		Source: "Instagram Help Center and Meta for Developers, image sizes", Checked: "2026-02",
	},
	{
		Name: "linkedin", Label: "LinkedIn",
		Hosts: []string{"linkedin.com"},
		Fields: []Field{
			{Name: "headline", From: "headline", Limit: Limit{Max: 220, Unit: Strict}},
			{Name: "about", From: "bio", Limit: Limit{Max: 2600, Unit: Strict}},
		},
		Share:          &Limit{Max: 3000, Unit: Strict},
		Hashtags:       3,
		LinksClickable: true,
		Slots: []Slot{
			avatar(400, 8*MB),
			// On desktop the avatar covers the bottom left: text goes right
			// of centre.
			{Name: "banner", Width: 1584, Height: 396, MaxBytes: 8 * MB, Safe: image.Rect(600, 40, 1544, 356)},
			post(1200, 627, 0),
		},
		Source: "LinkedIn Help, profile photo, background photo and share image sizes", Checked: "2026-02",
	},
	{
		Name: "malt", Label: "Malt",
		Hosts: []string{"malt.*"},
		Fields: []Field{
			{Name: "headline", From: "headline", Limit: Limit{Max: 100, Unit: Strict}},
			{Name: "bio", From: "bio", Limit: Limit{Max: 2600, Min: 200, Unit: Strict}},
		},
		Slots: []Slot{
			// A real, front-facing photo of the face: never the logo.
			{Name: "avatar", Width: 600, Height: 600, PhotoOnly: true},
		},
		Source: "Malt Help Center, freelancer profile", Checked: "2026-01",
	},
	{
		Name: "mastodon", Label: "Mastodon",
		At: true,
		Fields: []Field{
			{Name: "name", From: "name", Limit: Limit{Max: 30, Unit: Strict}},
			{Name: "bio", From: "bio", Limit: Limit{Max: 500, Unit: Mastodon}},
		},
		Share:          &Limit{Max: 500, Unit: Mastodon},
		Hashtags:       4,
		LinksClickable: true,
		Slots: []Slot{
			avatar(400, 2*MB),
			{Name: "banner", Width: 1500, Height: 500, MaxBytes: 2 * MB, Safe: image.Rect(420, 50, 1450, 450)},
			post(1200, 630, 0),
		},
		Source: "Mastodon documentation and server source (account and status validators)", Checked: "2026-03",
	},
	{
		Name: "pinterest", Label: "Pinterest",
		Hosts:  []string{"pinterest.*"},
		Fields: []Field{{Name: "bio", From: "bio", Limit: Limit{Max: 500, Unit: Strict}}},
		Slots: []Slot{
			avatar(280, 0),
			{Name: "pin", Width: 1000, Height: 1500, MaxBytes: 20 * MB, Safe: margin(1000, 1500, 60)},
		},
		Source: "Pinterest Help Center, pin and profile specs", Checked: "2026-01",
	},
	{
		Name: "threads", Label: "Threads",
		Hosts: []string{"threads.com", "threads.net"}, At: true,
		Fields:         []Field{{Name: "bio", From: "bio", Limit: Limit{Max: 150, Unit: Strict}}},
		Share:          &Limit{Max: 500, Unit: Strict},
		Hashtags:       1,
		LinksClickable: true,
		Slots: []Slot{
			avatar(320, 0),
			{Name: "post", Width: 1080, Height: 1350, Safe: margin(1080, 1350, 72), PerPost: true},
		},
		Source: "Threads Help Center", Checked: "2026-01",
	},
	{
		Name: "tiktok", Label: "TikTok",
		Hosts: []string{"tiktok.com"}, At: true,
		Fields: []Field{
			{Name: "name", From: "name", Limit: Limit{Max: 30, Unit: Strict}},
			{Name: "bio", From: "bio", Limit: Limit{Max: 80, Unit: Strict}},
		},
		Slots: []Slot{
			avatar(720, 0),
			// The right edge holds the buttons, the bottom the caption.
			{Name: "story", Width: 1080, Height: 1920, Safe: image.Rect(72, 250, 920, 1500)},
		},
		Source: "TikTok Help Center, profile and video specs", Checked: "2026-01",
	},
	{
		Name: "x", Label: "X",
		Hosts: []string{"x.com", "twitter.com"}, At: true,
		Fields: []Field{
			{Name: "name", From: "name", Limit: Limit{Max: 50, Unit: Strict}},
			{Name: "bio", From: "bio", Limit: Limit{Max: 160, Unit: Strict}},
			{Name: "location", From: "location", Limit: Limit{Max: 30, Unit: Strict}},
		},
		Share:          &Limit{Max: 280, Unit: Weighted},
		Hashtags:       2,
		LinksClickable: true,
		Slots: []Slot{
			avatar(400, 2*MB),
			// The avatar overlaps the lower left; some views crop top and bottom.
			{Name: "banner", Width: 1500, Height: 500, MaxBytes: 5 * MB, Safe: image.Rect(420, 60, 1440, 440)},
			post(1200, 675, 5*MB),
		},
		Source: "X Help Center and twitter-text v3 configuration", Checked: "2026-02",
	},
	{
		Name: "youtube", Label: "YouTube",
		Hosts: []string{"youtube.com"}, At: true,
		Fields: []Field{{Name: "bio", From: "bio", Limit: Limit{Max: 1000, Unit: Strict}}},
		Slots: []Slot{
			avatar(800, 0),
			// Text and logo inside the centred 1546×423 area every device shows.
			{Name: "banner", Width: 2560, Height: 1440, MaxBytes: 6 * MB, Safe: image.Rect(507, 508, 2053, 931)},
		},
		Source: "YouTube Help, channel art guidelines", Checked: "2026-02",
	},
}

// Site is the site's own entry: the link card of home and about, and the
// icons browsers and phones show.
var Site = Network{
	Name: "site", Label: "Site",
	Slots: []Slot{
		// Link previews crop the card's edges a little: keep a wide margin.
		{Name: "card", Width: 1200, Height: 630, MaxBytes: 5 * MB, Safe: margin(1200, 630, 72), Format: PNG},
		{Name: "favicon-32", Width: 32, Height: 32, Format: PNG},
		{Name: "apple-touch-icon", Width: 180, Height: 180, Format: PNG},
		{Name: "icon-192", Width: 192, Height: 192, Format: PNG},
		{Name: "icon-512", Width: 512, Height: 512, Format: PNG},
	},
	Source: "Open Graph protocol; HTML and Web App Manifest icon conventions", Checked: "2026-02",
}

// Lookup returns the network called name.
func Lookup(name string) (Network, bool) {
	i := slices.IndexFunc(All, func(n Network) bool { return n.Name == name })
	if i < 0 {
		return Network{}, false
	}
	return All[i], true
}

// Names returns the names of every built-in network, sorted.
func Names() []string {
	names := make([]string, len(All))
	for i, n := range All {
		names[i] = n.Name
	}
	return names
}

// Slot returns the slot called name.
func (n Network) Slot(name string) (Slot, bool) {
	i := slices.IndexFunc(n.Slots, func(s Slot) bool { return s.Name == name })
	if i < 0 {
		return Slot{}, false
	}
	return n.Slots[i], true
}
