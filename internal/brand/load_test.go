package brand

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marque-kit/marque/internal/diag"
)

// exampleTOML is the profile of SPEC §2, with files that exist in exampleKit.
const exampleTOML = `[person]
name      = "Camille Martin"
role      = "Designer UX indépendante"
tagline   = "Des interfaces simples pour des métiers complexes"
location  = "Lyon"
language  = "fr"
site_url  = "https://camille.example/"
email     = "bonjour@camille.example"
phone     = "+33 6 12 34 56 78"
photo     = "assets/photo.jpg"
photo_focus = [0.5, 0.35]
cover     = "./assets/cover.jpg"
logo      = "assets/logo.png"

[strategy]
audience   = "PME industrielles de la région lyonnaise"
message    = "La simplicité se conçoit"
objectives = ["Deux nouveaux clients B2B par trimestre"]
market     = "b2b"

[identity]
colors  = { primary = "#1F3A5F", accent = "#e4572e", background = "#FFF", text = "#1B1B1B", muted = "#6B7280" }
fonts   = { heading = "assets/fonts/Heading.ttf", body = "assets/fonts/Body.OTF" }
min_contrast = 4.5
card_style   = "photo"

[voice]
person       = "first"
address      = "vous"
max_sentence_words = 28
max_exclamations   = 0
emoji        = "bios"
claims       = false
readability  = 50
banned       = ["synergie", "disruptif*", "game changer"]
confidential = ["Orion", "Banque Dupuis"]
[voice.prefer]
"impacter" = "influencer"
"e-mail"   = "courriel"

[bio]
candidates = [
  "Designer UX indépendante à Lyon. J’aide les PME industrielles à rendre leurs logiciels métier simples…",
  "Designer UX indépendante à Lyon — des interfaces simples pour des métiers complexes.",
  "Designer UX · Lyon",
]

[networks.x]
handle = "@camille"
url    = "https://x.com/camille"
goal   = "Être lue"

[networks.linkedin]
handle = "camille-martin"
url    = "https://www.linkedin.com/in/camille-martin"
goal   = "Trouver des clients B2B"
bio    = "Designer UX"
print  = true

[networks.bluesky]
handle = "camille.example"
did    = "did:plc:abc123"

[links]
utm = true

[calendar]
cadence = "weekly"

[rules]
"voice.claims" = "error"
"typo.ellipsis" = "off"
`

func exampleKit(brandTOML string) fstest.MapFS {
	return fstest.MapFS{
		"brand.toml":               {Data: []byte(brandTOML)},
		"assets/photo.jpg":         {Data: []byte("jpeg")},
		"assets/cover.jpg":         {Data: []byte("jpeg")},
		"assets/logo.png":          {Data: []byte("png")},
		"assets/fonts/Heading.ttf": {Data: []byte("ttf")},
		"assets/fonts/Body.OTF":    {Data: []byte("otf")},
		"assets/fonts/Body.woff2":  {Data: []byte("woff2")},
	}
}

func printed(l diag.List) string {
	var b strings.Builder
	for _, f := range l.Items() {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}

func TestLoadExample(t *testing.T) {
	p, list := Load(exampleKit(exampleTOML))
	if list.Len() > 0 {
		t.Fatalf("findings:\n%s", printed(list))
	}
	if got := p.Person.SiteURL.String(); got != "https://camille.example" {
		t.Errorf("site URL = %q, want the trailing slash dropped", got)
	}
	p.Person.SiteURL = nil
	want := Person{
		Name: "Camille Martin", Role: "Designer UX indépendante",
		Tagline: "Des interfaces simples pour des métiers complexes", Location: "Lyon",
		Language: "fr", Email: "bonjour@camille.example", Phone: "+33 6 12 34 56 78",
		Photo: "assets/photo.jpg", PhotoFocus: Focus{0.5, 0.35},
		Cover: "assets/cover.jpg", CoverFocus: DefaultCoverFocus, Logo: "assets/logo.png",
	}
	if p.Person != want {
		t.Errorf("person:\n%+v\nwant:\n%+v", p.Person, want)
	}
	wantIdentity := Identity{
		Colors: Palette{
			Primary: Color{0x1F, 0x3A, 0x5F}, Accent: Color{0xE4, 0x57, 0x2E},
			Background: Color{0xFF, 0xFF, 0xFF}, Text: Color{0x1B, 0x1B, 0x1B}, Muted: Color{0x6B, 0x72, 0x80},
		},
		Fonts:       Fonts{Heading: "assets/fonts/Heading.ttf", Body: "assets/fonts/Body.OTF"},
		MinContrast: 4.5, CardStyle: "photo",
	}
	if p.Identity != wantIdentity {
		t.Errorf("identity:\n%+v\nwant:\n%+v", p.Identity, wantIdentity)
	}
	wantVoice := Voice{
		Person: "first", Address: "vous", MaxSentenceWords: 28, MaxExclamations: 0, Emoji: "bios",
		Claims: false, Readability: 50,
		Banned:       []string{"synergie", "disruptif*", "game changer"},
		Confidential: []string{"Orion", "Banque Dupuis"},
		Prefer:       []Preference{{"e-mail", "courriel"}, {"impacter", "influencer"}},
	}
	if !reflect.DeepEqual(p.Voice, wantVoice) {
		t.Errorf("voice:\n%+v\nwant:\n%+v", p.Voice, wantVoice)
	}
	wantNetworks := []Network{
		{Name: "x", Handle: "@camille", URL: "https://x.com/camille", Goal: "Être lue"},
		{Name: "linkedin", Handle: "camille-martin", URL: "https://www.linkedin.com/in/camille-martin",
			Goal: "Trouver des clients B2B", Bio: "Designer UX", Print: true},
		{Name: "bluesky", Handle: "camille.example", DID: "did:plc:abc123"},
	}
	if !reflect.DeepEqual(p.Networks, wantNetworks) {
		t.Errorf("networks, in brand.toml's order:\n%+v\nwant:\n%+v", p.Networks, wantNetworks)
	}
	if want := (Strategy{
		Audience: "PME industrielles de la région lyonnaise", Message: "La simplicité se conçoit",
		Objectives: []string{"Deux nouveaux clients B2B par trimestre"}, Market: "b2b",
	}); !reflect.DeepEqual(p.Strategy, want) {
		t.Errorf("strategy = %+v, want %+v", p.Strategy, want)
	}
	if len(p.Bio.Candidates) != 3 || p.Bio.Candidates[2] != "Designer UX · Lyon" {
		t.Errorf("bio candidates = %q", p.Bio.Candidates)
	}
	if !p.Links.UTM || p.Calendar.Cadence != "weekly" {
		t.Errorf("links = %+v, calendar = %+v", p.Links, p.Calendar)
	}
	if want := map[string]diag.Severity{"voice.claims": diag.Error, "typo.ellipsis": diag.Off}; !reflect.DeepEqual(p.Rules, want) {
		t.Errorf("rules = %v, want %v", p.Rules, want)
	}
}

func TestProfilePositions(t *testing.T) {
	p, list := Load(exampleKit(exampleTOML))
	if list.Len() > 0 {
		t.Fatalf("findings:\n%s", printed(list))
	}
	tests := []struct {
		pos  diag.Pos
		want string
	}{
		{p.Pos("person.name"), "brand.toml:2:1"},
		{p.ValuePos("person.name"), "brand.toml:2:13"},
		{p.Pos("networks.linkedin"), "brand.toml:53:11"},
		{p.Pos("networks.linkedin.goal"), "brand.toml:56:1"},
		{p.ValuePos("identity.colors.accent"), "brand.toml:22:43"},
		{p.Pos("voice.prefer.e-mail"), "brand.toml:39:1"},
		{p.Pos("bio.candidates"), "brand.toml:42:1"},
		{p.ValuePos("bio.candidates.0"), "brand.toml:43:3"},
		{p.ValuePos("bio.candidates.2"), "brand.toml:45:3"},
		{p.Pos(`rules."voice.claims"`), "brand.toml:71:1"},
		{p.Pos("person.nothing"), "brand.toml"},
		{p.ValuePos("bio.candidates.3"), "brand.toml"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestLoadDefaults(t *testing.T) {
	p, list := Load(exampleKit(minimalTOML))
	if list.Len() > 0 {
		t.Fatalf("findings:\n%s", printed(list))
	}
	if p.Person.Language != "en" || p.Person.PhotoFocus != DefaultPhotoFocus || p.Person.CoverFocus != DefaultCoverFocus {
		t.Errorf("person defaults: %+v", p.Person)
	}
	if want := (Identity{Colors: DefaultPalette, MinContrast: 4.5, CardStyle: "solid"}); p.Identity != want {
		t.Errorf("identity = %+v, want %+v", p.Identity, want)
	}
	if want := (Voice{Person: "first", Address: "vous", MaxSentenceWords: 28, MaxExclamations: 1, Emoji: "bios", Claims: true}); !reflect.DeepEqual(p.Voice, want) {
		t.Errorf("voice = %+v, want %+v", p.Voice, want)
	}
	if p.Calendar.Cadence != "off" || p.Links.UTM || len(p.Networks) != 0 || len(p.Rules) != 0 {
		t.Errorf("calendar = %+v, links = %+v, networks = %v, rules = %v", p.Calendar, p.Links, p.Networks, p.Rules)
	}
}

// TestDefaultPalette checks that the palette used when brand.toml sets none
// passes the default contrast check, text, accent and muted on background.
func TestDefaultPalette(t *testing.T) {
	for _, c := range []Color{DefaultPalette.Text, DefaultPalette.Accent, DefaultPalette.Muted, DefaultPalette.Primary} {
		if r := contrast(c, DefaultPalette.Background); r < 4.5 {
			t.Errorf("%s on %s: contrast %.2f, below 4.5", c.Hex(), DefaultPalette.Background.Hex(), r)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b Color) float64 {
	lum := func(c Color) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.04045 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

const minimalTOML = "[person]\nname = \"Camille\"\nrole = \"UX\"\nsite_url = \"https://camille.example\"\n"

func TestLoadFindings(t *testing.T) {
	tests := []struct {
		name  string
		toml  string // appended to minimalTOML unless raw
		raw   bool
		files map[string]string // extra files of the kit
		want  string
	}{
		{
			name: "empty file",
			toml: "",
			raw:  true,
			want: "brand.toml:1:1: error profile.invalid: missing required key person.name\n" +
				"brand.toml:1:1: error profile.invalid: missing required key person.role\n" +
				"brand.toml:1:1: error profile.invalid: missing required key person.site_url\n",
		},
		{
			name: "missing required keys at their table",
			toml: "\n[person]\nname = \"\"\n",
			raw:  true,
			want: "brand.toml:2:2: error profile.invalid: missing required key person.role\n" +
				"brand.toml:2:2: error profile.invalid: missing required key person.site_url\n" +
				"brand.toml:3:8: error profile.invalid: person.name: is empty\n",
		},
		{
			name: "typos in keys and tables",
			toml: "tagine = \"x\"\n[voice]\nclams = true\n[persn]\nx = 1\n[calendar]\ncadense = \"weekly\"\n",
			want: `brand.toml:5:1: error profile.unknown-key: unknown key "tagine" in [person] (did you mean "tagline"?)` + "\n" +
				`brand.toml:7:1: error profile.unknown-key: unknown key "clams" in [voice] (did you mean "claims"?)` + "\n" +
				`brand.toml:8:2: error profile.unknown-key: unknown key "persn" (did you mean "person"?)` + "\n" +
				`brand.toml:11:1: error profile.unknown-key: unknown key "cadense" in [calendar] (did you mean "cadence"?)` + "\n",
		},
		{
			name: "wrong types in several sections, all reported",
			toml: "photo = 3\n[identity]\nmin_contrast = \"high\"\ncolors = { primary = 1 }\n[voice]\nclaims = \"yes\"\nbanned = \"synergie\"\nbaned = 1\n[bio]\ncandidates = [\"a\", 2, \"c\"]\n[links]\nutm = \"yes\"\n",
			want: "brand.toml:5:9: error profile.invalid: person.photo: expected a string, found an integer\n" +
				"brand.toml:7:16: error profile.invalid: identity.min_contrast: expected a number, found a string\n" +
				"brand.toml:8:1: error profile.invalid: identity.colors: missing accent, background, text, muted: a palette sets all five of primary, accent, background, text and muted\n" +
				"brand.toml:8:22: error profile.invalid: identity.colors.primary: expected a string, found an integer\n" +
				"brand.toml:10:10: error profile.invalid: voice.claims: expected true or false, found a string\n" +
				"brand.toml:11:10: error profile.invalid: voice.banned: expected an array, found a string\n" +
				`brand.toml:12:1: error profile.unknown-key: unknown key "baned" in [voice] (did you mean "banned"?)` + "\n" +
				"brand.toml:14:20: error profile.invalid: bio.candidates[1]: expected a string, found an integer\n" +
				"brand.toml:16:7: error profile.invalid: links.utm: expected true or false, found a string\n",
		},
		{
			name: "a wrong type in [person] and an unknown key in [voice]",
			toml: "language = 1\n[voice]\nperson = \"first\"\ntone = \"warm\"\n",
			want: "brand.toml:5:12: error profile.invalid: person.language: expected a string, found an integer\n" +
				`brand.toml:8:1: error profile.unknown-key: unknown key "tone" in [voice]` + "\n",
		},
		{
			name: "missing and misplaced files",
			toml: "photo = \"assets/portrait.jpg\"\ncover = \"/etc/passwd\"\nlogo = \"../logo.png\"\n" +
				"[identity.fonts]\nheading = \"assets/fonts\"\nbody = \"assets/fonts/Body.woff2\"\n",
			want: `brand.toml:5:9: error profile.invalid: person.photo: "assets/portrait.jpg" does not exist` + "\n" +
				`brand.toml:6:9: error profile.invalid: person.cover: "/etc/passwd" is an absolute path: write it relative to the kit root` + "\n" +
				`brand.toml:7:8: error profile.invalid: person.logo: "../logo.png" is outside the kit` + "\n" +
				`brand.toml:9:11: error profile.invalid: identity.fonts.heading: "assets/fonts" is not a .ttf or .otf font file` + "\n" +
				`brand.toml:10:8: error profile.invalid: identity.fonts.body: "assets/fonts/Body.woff2" is not a .ttf or .otf font file` + "\n",
		},
		{
			name: "a folder and a windows path",
			toml: "photo = \"assets\"\nlogo = 'assets\\logo.png'\n",
			want: `brand.toml:5:9: error profile.invalid: person.photo: "assets" is a folder, not a file` + "\n" +
				`brand.toml:6:8: error profile.invalid: person.logo: "assets\\logo.png" uses \ to separate folders: write /` + "\n",
		},
		{
			name: "a symbolic link inside the kit is fine, one out of it is not",
			toml: "photo = \"assets/me.jpg\"\ncover = \"assets/out.jpg\"\nlogo = \"assets/up/x.png\"\n",
			files: map[string]string{
				"assets/me.jpg":  "symlink:photo.jpg",
				"assets/out.jpg": "symlink:/etc/hostname",
				"assets/up":      "symlink:../..",
			},
			want: `brand.toml:6:9: error profile.invalid: person.cover: "assets/out.jpg" leads outside the kit through a symbolic link` + "\n" +
				`brand.toml:7:8: error profile.invalid: person.logo: "assets/up/x.png" leads outside the kit through a symbolic link` + "\n",
		},
		{
			name: "bad colours",
			toml: "[identity.colors]\nprimary = \"#1F3A5\"\naccent = \"red\"\nbackground = \"#GGG\"\ntext = \"1B1B1B\"\nmuted = \"#abc\"\nshadow = \"#000\"\n",
			want: `brand.toml:6:11: error profile.invalid: identity.colors.primary: "#1F3A5" is not a colour: write #RGB or #RRGGBB` + "\n" +
				`brand.toml:7:10: error profile.invalid: identity.colors.accent: "red" is not a colour: write #RGB or #RRGGBB` + "\n" +
				`brand.toml:8:14: error profile.invalid: identity.colors.background: "#GGG" is not a colour: write #RGB or #RRGGBB` + "\n" +
				`brand.toml:9:8: error profile.invalid: identity.colors.text: "1B1B1B" is not a colour: write #RGB or #RRGGBB` + "\n" +
				`brand.toml:11:1: error profile.unknown-key: unknown key "shadow" in [identity.colors]` + "\n",
		},
		{
			name: "site URL, e-mail and phone",
			toml: "email = \"camille at example\"\nphone = \"06 CALL ME\"\n",
			want: `brand.toml:5:9: error profile.invalid: person.email: "camille at example" is not an e-mail address` + "\n" +
				`brand.toml:6:9: error profile.invalid: person.phone: "06 CALL ME" is not a phone number: write digits, spaces, +, dots, dashes or parentheses` + "\n",
		},
		{
			name: "relative site URL",
			toml: "[person]\nname = \"C\"\nrole = \"UX\"\nsite_url = \"camille.example\"\n",
			raw:  true,
			want: `brand.toml:4:12: error profile.invalid: person.site_url: "camille.example" is not an absolute URL: write "https://camille.example"` + "\n",
		},
		{
			name: "site URL with a query",
			toml: "[person]\nname = \"C\"\nrole = \"UX\"\nsite_url = \"https://c.example/?a=1\"\n",
			raw:  true,
			want: `brand.toml:4:12: error profile.invalid: person.site_url: "https://c.example/?a=1" must not have a query or a fragment` + "\n",
		},
		{
			name: "choices",
			toml: "language = \"de\"\n[strategy]\nmarket = \"B2B\"\n[identity]\ncard_style = \"photo\"\n" +
				"[voice]\nperson = \"they\"\naddress = \"toi\"\nemoji = \"some\"\n[calendar]\ncadence = \"yearly\"\n",
			want: `brand.toml:5:12: error profile.invalid: person.language: must be "fr" or "en", not "de"` + "\n" +
				`brand.toml:7:10: error profile.invalid: strategy.market: must be "b2b", "b2c" or "both", not "B2B"` + "\n" +
				`brand.toml:9:14: error profile.invalid: identity.card_style: "photo" puts person.cover under the brand colours: set person.cover` + "\n" +
				`brand.toml:11:10: error profile.invalid: voice.person: must be "first", "we" or "any", not "they"` + "\n" +
				`brand.toml:12:11: error profile.invalid: voice.address: must be "vous" or "tu", not "toi"` + "\n" +
				`brand.toml:13:9: error profile.invalid: voice.emoji: must be "none", "bios" or "any", not "some"` + "\n" +
				`brand.toml:15:11: error profile.invalid: calendar.cadence: must be "daily", "weekly", "biweekly", "monthly" or "off", not "yearly"` + "\n",
		},
		{
			name: "image slot overrides",
			toml: "[networks.bluesky]\ngoal = \"g\"\n[networks.bluesky.slots.baner]\nwidth = 10\n" +
				"[networks.bluesky.slots.banner]\nwidth = 0\nheight = 900\nmax_bytes = 10\ncolor = 1\n",
			want: `brand.toml:7:25: error profile.unknown-key: Bluesky has no image slot "baner": it has avatar, banner, post (did you mean "banner"?)` + "\n" +
				"brand.toml:10:9: error profile.invalid: networks.bluesky.slots.banner.width: must be between 1 and 8192 pixels, not 0\n" +
				"brand.toml:12:13: error profile.invalid: networks.bluesky.slots.banner.max_bytes: must be 1000 or more, not 10: no image fits in less\n" +
				`brand.toml:13:1: error profile.unknown-key: unknown key "color" in [networks.bluesky.slots.banner]` + "\n",
		},
		{
			name: "numbers out of range",
			toml: "photo_focus = [1.5, 0.5]\ncover_focus = [0.5]\n[identity]\nmin_contrast = 30\n" +
				"[voice]\nmax_sentence_words = -1\nmax_exclamations = -2\nreadability = 120\n",
			want: "brand.toml:5:16: error profile.invalid: person.photo_focus[0]: must be between 0 and 1, not 1.5\n" +
				"brand.toml:6:15: error profile.invalid: person.cover_focus: must be two numbers [x, y], found 1\n" +
				"brand.toml:8:16: error profile.invalid: identity.min_contrast: must be between 1 and 21, not 30\n" +
				"brand.toml:10:22: error profile.invalid: voice.max_sentence_words: must be 0 or more, not -1\n" +
				"brand.toml:11:20: error profile.invalid: voice.max_exclamations: must be 0 or more, not -2\n" +
				"brand.toml:12:15: error profile.invalid: voice.readability: must be between 0 and 100, not 120\n",
		},
		{
			name: "banned, confidential and preferred words",
			toml: "[voice]\nbanned = [\"*\", \"dis*ruptif\", \" \", \"ok*\"]\nconfidential = [\"\"]\n[voice.prefer]\n\"\" = \"x\"\n\"impacter\" = \"\"\n",
			want: `brand.toml:6:11: error profile.invalid: voice.banned[0]: "*" matches every word: put letters before the *` + "\n" +
				`brand.toml:6:16: error profile.invalid: voice.banned[1]: "dis*ruptif": only a trailing * is a wildcard` + "\n" +
				"brand.toml:6:30: error profile.invalid: voice.banned[2]: an entry is empty\n" +
				"brand.toml:7:17: error profile.invalid: voice.confidential[0]: an entry is empty\n" +
				`brand.toml:9:1: error profile.invalid: voice.prefer."": the word to replace is empty` + "\n" +
				"brand.toml:10:14: error profile.invalid: voice.prefer.impacter: the replacement is empty\n",
		},
		{
			name: "networks",
			toml: "[networks.linkdin]\ngoal = \"x\"\n[networks.x]\nhandle = \"@ca mille\"\nurl = \"http://x.com/c\"\ndid = \"did:plc:x\"\n" +
				"[networks.bluesky]\ndid = \"plc:x\"\nurl = \"x.com\"\n[networks.mastodon]\ngaol = \"x\"\n",
			want: `brand.toml:5:11: error profile.unknown-key: unknown network "linkdin" (did you mean "linkedin"?)` + "\n" +
				`brand.toml:8:10: error profile.invalid: networks.x.handle: "@ca mille" contains a space` + "\n" +
				`brand.toml:9:7: error profile.invalid: networks.x.url: "http://x.com/c" is not an absolute https URL: write it like "https://example.com/you"` + "\n" +
				`brand.toml:10:1: error profile.unknown-key: unknown key "did" in [networks.x] (did belongs in [networks.bluesky])` + "\n" +
				`brand.toml:12:7: error profile.invalid: networks.bluesky.did: "plc:x" is not a DID such as "did:plc:..."` + "\n" +
				`brand.toml:13:7: error profile.invalid: networks.bluesky.url: "x.com" is not an absolute https URL: write it like "https://example.com/you"` + "\n" +
				`brand.toml:15:1: error profile.unknown-key: unknown key "gaol" in [networks.mastodon] (did you mean "goal"?)` + "\n",
		},
		{
			name: "bios without words",
			toml: "[bio]\ncandidates = [\"Designer à Lyon\", \"  \", \"✨🎨\"]\n[networks.x]\ngoal = \"g\"\nbio = \"🚀\"\n",
			want: "brand.toml:6:34: error profile.invalid: bio.candidates[1]: is blank: write a sentence, or remove it\n" +
				`brand.toml:6:40: error profile.invalid: bio.candidates[2]: "✨🎨" has no words, only emoji or symbols: say who you are and what you do` + "\n" +
				`brand.toml:9:7: error profile.invalid: networks.x.bio: "🚀" has no words, only emoji or symbols: say who you are and what you do` + "\n",
		},
		{
			name: "no bio candidates",
			toml: "[bio]\ncandidates = []\n",
			want: "brand.toml:6:14: error profile.invalid: bio.candidates: is empty: write at least one bio, the longest first\n",
		},
		{
			name: "rules",
			toml: "[rules]\n\"voice.claim\" = \"error\"\n\"voice.banned\" = \"fatal\"\n\"profile.syntax\" = \"off\"\n\"content.link\" = 1\n",
			want: `brand.toml:6:1: error profile.unknown-key: unknown rule "voice.claim" in [rules] (did you mean "voice.claims"?)` + "\n" +
				`brand.toml:7:18: error profile.invalid: rules."voice.banned": "fatal" is not a severity: write "error", "warning", "info" or "off"` + "\n" +
				`brand.toml:8:20: error profile.invalid: rules."profile.syntax": a file that does not parse always stops the build: profile.syntax cannot be changed` + "\n" +
				`brand.toml:9:18: error profile.invalid: rules."content.link": expected a string, found an integer` + "\n",
		},
		{
			name: "BOM and CRLF",
			toml: "\uFEFF[person]\r\nname = \"Camille\"\r\nrole = \"UX\"\r\nsite_url = \"https://camille.example\"\r\ntagine = \"x\"\r\nphoto = \"assets/none.jpg\"\r\n",
			raw:  true,
			want: `brand.toml:5:1: error profile.unknown-key: unknown key "tagine" in [person] (did you mean "tagline"?)` + "\n" +
				`brand.toml:6:9: error profile.invalid: person.photo: "assets/none.jpg" does not exist` + "\n",
		},
		{
			name: "syntax error",
			toml: "[person]\nname = \"Camille\nrole = \"UX\"\n",
			raw:  true,
			want: "brand.toml:2:16: error profile.syntax: invalid TOML: strings cannot contain newlines\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.toml
			if !tt.raw {
				src = minimalTOML + src
			}
			kit := exampleKit(src)
			for name, data := range tt.files {
				if target, ok := strings.CutPrefix(data, "symlink:"); ok {
					kit[name] = &fstest.MapFile{Data: []byte(target), Mode: os.ModeSymlink}
					continue
				}
				kit[name] = &fstest.MapFile{Data: []byte(data)}
			}
			p, list := Load(kit)
			if got := printed(list); got != tt.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tt.want)
			}
			if syntax := strings.Contains(tt.want, "error profile.syntax:"); (p == nil) != syntax {
				t.Errorf("profile = %v, want nil only when brand.toml does not parse", p)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	p, list := Load(fstest.MapFS{"content/posts/a.md": {Data: []byte("+++\n+++\n")}})
	want := "brand.toml: error profile.syntax: missing: a kit needs a brand.toml at its root\n"
	if got := printed(list); got != want || p != nil {
		t.Errorf("Load = %v,\n%s\nwant nil,\n%s", p, got, want)
	}
}

// TestLoadSymlinkOnDisk checks links through os.DirFS, which reads links
// from the real file system.
func TestLoadSymlinkOnDisk(t *testing.T) {
	outside := t.TempDir()
	kit := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		name = filepath.Join(kit, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(kit, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.jpg"), []byte("jpeg"), 0o644); err != nil {
		t.Fatal(err)
	}
	write("assets/photo.jpg", "jpeg")
	write("brand.toml", minimalTOML+
		"photo = \"assets/me.jpg\"\n"+
		"cover = \"assets/abs.jpg\"\n"+
		"logo = \"assets/rel.jpg\"\n"+
		"[identity.fonts]\nheading = \"shared/font.ttf\"\n")
	link("photo.jpg", "assets/me.jpg")
	link(filepath.Join(outside, "secret.jpg"), "assets/abs.jpg")
	rel, err := filepath.Rel(filepath.Join(kit, "assets"), filepath.Join(outside, "secret.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	link(rel, "assets/rel.jpg")
	link(outside, "shared")

	p, list := Load(os.DirFS(kit))
	want := `brand.toml:6:9: error profile.invalid: person.cover: "assets/abs.jpg" leads outside the kit through a symbolic link` + "\n" +
		`brand.toml:7:8: error profile.invalid: person.logo: "assets/rel.jpg" leads outside the kit through a symbolic link` + "\n" +
		`brand.toml:9:11: error profile.invalid: identity.fonts.heading: "shared/font.ttf" leads outside the kit through a symbolic link` + "\n"
	if got := printed(list); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if p == nil || p.Person.Photo != "assets/me.jpg" {
		t.Errorf("photo through a link inside the kit: got %+v", p)
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want Color
		ok   bool
	}{
		{"#1F3A5F", Color{0x1F, 0x3A, 0x5F}, true},
		{"#1f3a5f", Color{0x1F, 0x3A, 0x5F}, true},
		{"#abc", Color{0xAA, 0xBB, 0xCC}, true},
		{"#ABCD", Color{}, false},
		{"1F3A5F", Color{}, false},
		{"#1F3A5G", Color{}, false},
		{"#+1F3A5", Color{}, false},
		{"", Color{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseColor(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseColor(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestKitFile(t *testing.T) {
	kit := fstest.MapFS{
		"assets/photo.jpg": {Data: []byte("jpeg")},
		"assets/a":         {Data: []byte("b"), Mode: os.ModeSymlink},
		"assets/b":         {Data: []byte("a"), Mode: os.ModeSymlink},
		"assets/here":      {Data: []byte("."), Mode: os.ModeSymlink},
		"assets/back":      {Data: []byte("../assets/photo.jpg"), Mode: os.ModeSymlink},
	}
	tests := []struct {
		in, want, problem string
	}{
		{"assets/photo.jpg", "assets/photo.jpg", ""},
		{"./assets//photo.jpg", "assets/photo.jpg", ""},
		{"assets/../assets/photo.jpg", "assets/photo.jpg", ""},
		{"assets/here/here/photo.jpg", "assets/here/here/photo.jpg", ""},
		{"assets/back", "assets/back", ""},
		{"", "", "is empty"},
		{"C:/photo.jpg", "", "is an absolute path: write it relative to the kit root"},
		{"..", "", "is outside the kit"},
		{"assets/a", "", "is a loop of symbolic links"},
		{"assets/photo.jpg/x", "", "does not exist"},
		{".", "", "is a folder, not a file"},
	}
	for _, tt := range tests {
		got, problem := KitFile(kit, tt.in)
		if got != tt.want || problem != tt.problem {
			t.Errorf("KitFile(%q) = %q, %q; want %q, %q", tt.in, got, problem, tt.want, tt.problem)
		}
	}
}

// FuzzLoadProfile checks that no brand.toml makes Load panic, that every
// finding points into brand.toml, and that the profile is nil exactly when
// the file does not parse.
func FuzzLoadProfile(f *testing.F) {
	f.Add([]byte(exampleTOML))
	f.Add([]byte(minimalTOML + "photo_focus = [2, \"x\"]\n[networks.linkdin]\n[rules]\n\"x\" = 1\n"))
	f.Add([]byte("[identity]\ncolors = { primary = \"#FFF\" }\nfonts = 3\n[networks]\nx = 1\n"))
	f.Add([]byte("\uFEFF[person]\r\nphoto = \"../../etc\"\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, list := Load(exampleKit(string(src)))
		syntax := false
		for _, fd := range list.Items() {
			if fd.File != FileName || fd.Line < 1 {
				t.Fatalf("finding outside brand.toml: %v", fd)
			}
			syntax = syntax || fd.Rule == "profile.syntax"
		}
		if (p == nil) != syntax {
			t.Fatalf("profile = %v with findings %v", p, list.Items())
		}
	})
}
