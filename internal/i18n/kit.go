package i18n

import (
	"math"
	"strconv"
	"strings"
)

// KitStrings is the text of the brand kit page in one language, as
// [Strings.Kit]. Like the theme's strings, each is plain text with its
// typography applied.
type KitStrings struct {
	Title    string // "Kit de marque", before the person's name
	Intro    string // what the page is, first paragraph
	Private  string // that the page is linked from nowhere and not indexed
	Contents string // the table of contents' heading
	Manifest string // the link to manifest.json

	Brief      string // the section headings, in page order
	Palette    string
	Fonts      string
	Networks   string
	SiteImages string
	Posts      string
	Print      string

	Audience   string // the labels of the brief
	Message    string
	Objectives string
	Market     string
	Goals      string // the heading of the networks' goals
	Network    string // table headers
	Account    string
	Goal       string
	NoGoal     string // a network without a goal
	NotSet     string // a brief item left empty

	PaletteIntro string
	Pairs        string // the heading of the contrast table
	PairsIntro   string // with %s the brand's minimum ratio
	Usage        string
	Colors       string
	Ratio        string
	Result       string
	Pass         string
	Fail         string
	OnFmt        string // "%s on %s", the colours of a pair
	InsteadFmt   string // with %s a colour: the site sets the text in it instead
	White        string // the fallbacks for text on a fill
	Black        string
	PairText     string // the uses of the pairs
	PairMuted    string
	PairPrimary  string
	PairAccent   string
	PairButton   string
	PairBadge    string

	Heading      string // the font roles
	Body         string
	Specimen     string // letters of the specimen
	OnSite       string // where a font is used
	InImages     string
	BrandFont    string // with %s its family and %s its file: the brand's own font
	EmbeddedFont string // with %s its family: a font marque embeds
	SystemFont   string // with %s the first fonts of a system stack
	LinksPage    string // the label of the address to put in a profile's website field

	Images        string // the sub-headings of a network
	Texts         string
	ImagesPending string // some images are not drawn yet: check never draws, serve draws in the background
	Download      string
	Copy          string
	Copied        string
	CopyFailed    string // the text is selected for the reader to copy
	MaxFmt        string // with %s a byte cap: the network's largest file
	Pixels        string // "px"
	Text          string // a post's share text
	DownloadText  string // the link to a text's .txt file
	NoPosts       string
	OlderPosts    string // the heading of the list of older posts
	Post          string // its table headers
	Date          string
	Files         string
	TextFile      string // the links to a share's files
	ImageFile     string

	SignatureTxt string // the plain-text e-mail signature, to copy
	ShowSource   string // unfolds a file's text (the vCard's)
	Open         string // opens a document the page cannot show (the PDF)

	colors    map[string]string
	files     map[string]string
	markets   map[string]string
	fields    map[string]string
	slots     map[string]string
	units     map[string]string
	byteUnits [4]string // bytes, kB, MB, GB
	decimal   string
	thousands string
}

// MarketName returns the market of the brief ("b2b", "b2c", "both") in
// words, or "" when it is not one of them.
func (k *KitStrings) MarketName(m string) string { return k.markets[m] }

// ColorNames returns the names of the palette's colours, by their key in
// brand.toml ("primary", "background", ...).
func (k *KitStrings) ColorNames() map[string]string { return k.colors }

// FileName returns the name of an identity or print file of the kit by
// its kind in the manifest ("contact", "qr-site", "qr-contact",
// "business-card", "email-signature"), or kind itself when there is none.
func (k *KitStrings) FileName(kind string) string { return label(k.files, kind) }

// Field returns the name of a network's profile field ("bio", "headline",
// ...) as the page shows it, or name itself when there is none.
func (k *KitStrings) Field(name string) string { return label(k.fields, name) }

// Slot returns the name of an image slot ("avatar", "banner", ...) as the
// page shows it, or name itself when there is none.
func (k *KitStrings) Slot(name string) string { return label(k.slots, name) }

// Unit returns what a counting unit counts ("graphemes", "weighted", ...),
// as the page writes it after a count.
func (k *KitStrings) Unit(u string) string { return label(k.units, u) }

func label(m map[string]string, name string) string {
	if s, ok := m[name]; ok {
		return s
	}
	return name
}

// Number writes n with the language's thousands separator: "2 600" (a
// narrow no-break space) in French, "2,600" in English.
func (k *KitStrings) Number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(k.thousands)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Decimal writes x with digits decimals, truncated rather than rounded
// (a ratio of 4.499 must not read 4.5), with the language's decimal
// mark: "4,49" in French.
func (k *KitStrings) Decimal(x float64, digits int) string {
	p := math.Pow10(digits)
	s := strconv.FormatFloat(math.Floor(x*p+1e-9)/p, 'f', digits, 64)
	return strings.Replace(s, ".", k.decimal, 1)
}

// ContrastRatio writes a contrast ratio as WCAG does, truncated to two
// decimals and without trailing zeros: "4,5:1", "12,63:1".
func (k *KitStrings) ContrastRatio(r float64) string {
	s := k.Decimal(r, 2)
	if strings.Contains(s, k.decimal) {
		s = strings.TrimRight(strings.TrimRight(s, "0"), k.decimal)
	}
	return s + ":1"
}

// Bytes writes a file size for people, in decimal units as networks state
// their caps (1 MB = 10⁶ bytes): "512 octets", "30,8 ko", "1,2 Mo" in
// French; "512 bytes", "30.8 kB", "1.2 MB" in English. Sizes of 100 units
// and more lose their decimal.
func (k *KitStrings) Bytes(n int64) string {
	const nb = nbsp
	if n < 1000 {
		return k.Number(int(n)) + nb + k.byteUnits[0]
	}
	x := float64(n)
	unit := 0
	for x >= 1000 && unit < len(k.byteUnits)-1 {
		x /= 1000
		unit++
	}
	// One decimal under 100 units, none above: the size is for people.
	// Rounding may reach 1000, which is the next unit.
	digits := 1
	if x >= 100 {
		digits = 0
	}
	p := math.Pow10(digits)
	x = math.Round(x*p) / p
	if x >= 1000 && unit < len(k.byteUnits)-1 {
		x /= 1000
		unit++
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	return strings.Replace(s, ".", k.decimal, 1) + nb + k.byteUnits[unit]
}

var frenchKit = KitStrings{
	Title:    "Kit de marque",
	Intro:    "Tout ce qui fait la marque, prêt à l’emploi" + nbsp + ": le brief, la palette, les typographies, les images de chaque réseau et les textes à coller dans chaque profil.",
	Private:  "Cette page n’est liée depuis aucune page du site et demande aux moteurs de recherche de ne pas l’indexer. Partagez son adresse avec qui en a besoin.",
	Contents: "Sommaire",
	Manifest: "Index du kit (JSON)",

	Brief:      "Le brief",
	Palette:    "Palette",
	Fonts:      "Typographies",
	Networks:   "Réseaux",
	SiteImages: "Site web",
	Posts:      "Publications",
	Print:      "Contact et imprimés",

	Audience:   "Public",
	Message:    "Message",
	Objectives: "Objectifs",
	Market:     "Marché",
	Goals:      "Pourquoi chaque réseau",
	Network:    "Réseau",
	Account:    "Compte",
	Goal:       "Objectif",
	NoGoal:     "Aucun objectif",
	NotSet:     "Non renseigné",

	PaletteIntro: "Les couleurs de la marque, telles que le site et les images les emploient.",
	Pairs:        "Contrastes",
	PairsIntro:   "Rapport de contraste WCAG de chaque couleur de texte sur son fond. Seuil de la marque" + nbsp + ":" + nbsp + "%s.",
	Usage:        "Usage",
	Colors:       "Couleurs",
	Ratio:        "Rapport",
	Result:       "Résultat",
	Pass:         "Conforme",
	Fail:         "Insuffisant",
	OnFmt:        "%s sur %s",
	InsteadFmt:   "Le site emploie la couleur «" + narrow + "%s" + narrow + "» à la place.",
	White:        "Blanc",
	Black:        "Noir",
	PairText:     "Texte courant",
	PairMuted:    "Texte secondaire",
	PairPrimary:  "Liens et titres",
	PairAccent:   "Accent sur le fond",
	PairButton:   "Boutons",
	PairBadge:    "Étiquettes",

	Heading:      "Titres",
	Body:         "Texte",
	Specimen:     "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 àâçéèêëîïôûùü «" + narrow + "»" + narrow + "?" + narrow + "! &",
	OnSite:       "Sur le site",
	InImages:     "Dans les images",
	BrandFont:    "%s, fichier de la marque (%s)",
	EmbeddedFont: "%s, fournie avec marque",
	SystemFont:   "Police du système du lecteur (%s…)",
	LinksPage:    "Site web du profil",

	Images:        "Images",
	Texts:         "Textes du profil",
	ImagesPending: "Certaines images ne sont pas encore dessinées" + nbsp + ": «" + narrow + "marque build" + narrow + "» les dessine, «" + narrow + "marque serve" + narrow + "» aussi, en tâche de fond. Elles apparaîtront ici dès qu’elles le seront.",
	Download:      "Télécharger",
	Copy:          "Copier",
	Copied:        "Copié",
	CopyFailed:    "Texte sélectionné" + nbsp + ": copiez-le avec Ctrl+C ou ⌘+C",
	MaxFmt:        "%s au plus",
	Pixels:        "px",
	Text:          "Texte à publier",
	DownloadText:  "Télécharger le .txt",
	NoPosts:       "Aucun article publié pour l’instant.",
	OlderPosts:    "Publications plus anciennes",
	Post:          "Article",
	Date:          "Date",
	Files:         "Fichiers à partager",
	TextFile:      "texte",
	ImageFile:     "image",

	SignatureTxt: "Signature en texte brut",
	ShowSource:   "Voir le contenu du fichier",
	Open:         "Ouvrir",

	colors: map[string]string{"primary": "Primaire", "accent": "Accent", "background": "Fond", "text": "Texte",
		"muted": "Atténué"},
	files: map[string]string{"contact": "Fiche contact (vCard)", "qr-site": "QR code du site",
		"qr-contact": "QR code", "business-card": "Carte de visite",
		"email-signature": "Signature de courriel"},
	markets: map[string]string{"b2b": "Entreprises (B2B)", "b2c": "Particuliers (B2C)", "both": "Entreprises et particuliers"},
	fields: map[string]string{"bio": "Bio", "name": "Nom", "headline": "Titre", "about": "Infos",
		"location": "Lieu"},
	slots: map[string]string{"logo": "Logo", "avatar": "Photo de profil", "banner": "Bannière", "post": "Image de publication",
		"story": "Story", "pin": "Épingle", "preview": "Aperçu social", "card": "Carte de partage",
		"favicon": "Favicon", "favicon-32": "Icône 32" + nbsp + "px", "apple-touch-icon": "Icône Apple",
		"icon-192": "Icône 192" + nbsp + "px", "icon-512": "Icône 512" + nbsp + "px",
		"front": "Recto", "back": "Verso"},
	units: map[string]string{"graphemes": "caractères", "strict": "caractères", "weighted": "caractères pondérés",
		"mastodon": "caractères (liens comptés 23)"},
	byteUnits: [4]string{"octets", "ko", "Mo", "Go"},
	decimal:   ",",
	thousands: narrow,
}

var englishKit = KitStrings{
	Title:    "Brand kit",
	Intro:    "Everything the brand is made of, ready to use: the brief, the palette, the fonts, the images for each network and the texts to paste into each profile.",
	Private:  "No page of the site links here, and this page asks search engines not to index it. Share its address with whoever needs it.",
	Contents: "Contents",
	Manifest: "Kit index (JSON)",

	Brief:      "The brief",
	Palette:    "Palette",
	Fonts:      "Fonts",
	Networks:   "Networks",
	SiteImages: "Website",
	Posts:      "Posts",
	Print:      "Contact and print",

	Audience:   "Audience",
	Message:    "Message",
	Objectives: "Objectives",
	Market:     "Market",
	Goals:      "Why each network",
	Network:    "Network",
	Account:    "Account",
	Goal:       "Goal",
	NoGoal:     "No goal",
	NotSet:     "Not set",

	PaletteIntro: "The brand’s colours, as the site and the images use them.",
	Pairs:        "Contrast",
	PairsIntro:   "WCAG contrast ratio of each text colour on its background. The brand’s minimum: %s.",
	Usage:        "Use",
	Colors:       "Colours",
	Ratio:        "Ratio",
	Result:       "Result",
	Pass:         "Pass",
	Fail:         "Fail",
	OnFmt:        "%s on %s",
	InsteadFmt:   "The site uses the “%s” colour instead.",
	White:        "White",
	Black:        "Black",
	PairText:     "Body text",
	PairMuted:    "Secondary text",
	PairPrimary:  "Links and headings",
	PairAccent:   "Accent on the background",
	PairButton:   "Buttons",
	PairBadge:    "Badges",

	Heading:      "Headings",
	Body:         "Text",
	Specimen:     "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 “quotes” ?! &",
	OnSite:       "On the site",
	InImages:     "In images",
	BrandFont:    "%s, the brand’s file (%s)",
	EmbeddedFont: "%s, shipped with marque",
	SystemFont:   "The reader’s system font (%s…)",
	LinksPage:    "Profile website",

	Images:        "Images",
	Texts:         "Profile texts",
	ImagesPending: "Some images are not drawn yet: “marque build” draws them, and so does “marque serve”, in the background. They will appear here as soon as they are.",
	Download:      "Download",
	Copy:          "Copy",
	Copied:        "Copied",
	CopyFailed:    "Text selected: copy it with Ctrl+C or ⌘+C",
	MaxFmt:        "at most %s",
	Pixels:        "px",
	Text:          "Text to post",
	DownloadText:  "Download the .txt",
	NoPosts:       "No posts published yet.",
	OlderPosts:    "Older posts",
	Post:          "Post",
	Date:          "Date",
	Files:         "Files to share",
	TextFile:      "text",
	ImageFile:     "image",

	SignatureTxt: "Plain-text signature",
	ShowSource:   "Show the file’s content",
	Open:         "Open",

	colors: map[string]string{"primary": "Primary", "accent": "Accent", "background": "Background", "text": "Text",
		"muted": "Muted"},
	files: map[string]string{"contact": "Contact card (vCard)", "qr-site": "QR code of the site",
		"qr-contact": "QR code", "business-card": "Business card",
		"email-signature": "Email signature"},
	markets: map[string]string{"b2b": "Businesses (B2B)", "b2c": "Consumers (B2C)", "both": "Businesses and consumers"},
	fields: map[string]string{"bio": "Bio", "name": "Name", "headline": "Headline", "about": "About",
		"location": "Location"},
	slots: map[string]string{"logo": "Logo", "avatar": "Profile picture", "banner": "Banner", "post": "Post image",
		"story": "Story", "pin": "Pin", "preview": "Social preview", "card": "Link card",
		"favicon": "Favicon", "favicon-32": "Icon 32" + nbsp + "px", "apple-touch-icon": "Apple icon",
		"icon-192": "Icon 192" + nbsp + "px", "icon-512": "Icon 512" + nbsp + "px",
		"front": "Front", "back": "Back"},
	units: map[string]string{"graphemes": "characters", "strict": "characters", "weighted": "weighted characters",
		"mastodon": "characters (links count 23)"},
	byteUnits: [4]string{"bytes", "kB", "MB", "GB"},
	decimal:   ".",
	thousands: ",",
}
