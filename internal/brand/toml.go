package brand

// profileTOML is brand.toml as written, the target of the strict decoder.
// Its field names are the keys users write; [Load] validates it into a
// [Profile], so no caller outside this package ever sees it.
type profileTOML struct {
	Person   personTOML             `toml:"person"`
	Strategy strategyTOML           `toml:"strategy"`
	Identity identityTOML           `toml:"identity"`
	Voice    voiceTOML              `toml:"voice"`
	Bio      bioTOML                `toml:"bio"`
	Networks map[string]networkTOML `toml:"networks"`
	Links    linksTOML              `toml:"links"`
	Calendar calendarTOML           `toml:"calendar"`
	Rules    map[string]string      `toml:"rules"`
}

type personTOML struct {
	Name       string    `toml:"name"`
	Role       string    `toml:"role"`
	Tagline    string    `toml:"tagline"`
	Location   string    `toml:"location"`
	Language   string    `toml:"language"`
	SiteURL    string    `toml:"site_url"`
	Email      string    `toml:"email"`
	Phone      string    `toml:"phone"`
	Photo      string    `toml:"photo"`
	PhotoFocus []float64 `toml:"photo_focus"`
	Cover      string    `toml:"cover"`
	CoverFocus []float64 `toml:"cover_focus"`
	Logo       string    `toml:"logo"`
}

type strategyTOML struct {
	Audience   string   `toml:"audience"`
	Message    string   `toml:"message"`
	Objectives []string `toml:"objectives"`
	Market     string   `toml:"market"`
}

type identityTOML struct {
	Colors      colorsTOML `toml:"colors"`
	Fonts       fontsTOML  `toml:"fonts"`
	MinContrast float64    `toml:"min_contrast"`
	CardStyle   string     `toml:"card_style"`
}

type colorsTOML struct {
	Primary    string `toml:"primary"`
	Accent     string `toml:"accent"`
	Background string `toml:"background"`
	Text       string `toml:"text"`
	Muted      string `toml:"muted"`
}

type fontsTOML struct {
	Heading string `toml:"heading"`
	Body    string `toml:"body"`
}

type voiceTOML struct {
	Person           string            `toml:"person"`
	Address          string            `toml:"address"`
	MaxSentenceWords int               `toml:"max_sentence_words"`
	MaxExclamations  int               `toml:"max_exclamations"`
	Emoji            string            `toml:"emoji"`
	Claims           bool              `toml:"claims"`
	Readability      float64           `toml:"readability"`
	Banned           []string          `toml:"banned"`
	Confidential     []string          `toml:"confidential"`
	Prefer           map[string]string `toml:"prefer"`
}

type bioTOML struct {
	Candidates []string `toml:"candidates"`
}

type networkTOML struct {
	Handle string `toml:"handle"`
	URL    string `toml:"url"`
	Goal   string `toml:"goal"`
	Bio    string `toml:"bio"`
	Print  bool   `toml:"print"`
	DID    string `toml:"did"` // bluesky only, checked by the validator
	// Slots overrides the built-in size or byte cap of an image slot:
	// [networks.NAME.slots.SLOT].
	Slots map[string]slotTOML `toml:"slots"`
}

type slotTOML struct {
	Width    int   `toml:"width"`
	Height   int   `toml:"height"`
	MaxBytes int64 `toml:"max_bytes"`
}

type linksTOML struct {
	UTM bool `toml:"utm"`
}

type calendarTOML struct {
	Cadence string `toml:"cadence"`
}
